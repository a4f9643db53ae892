#!/usr/bin/env bash
# Installs what phanos needs (Debian 12, as root), builds the demo program
# (examples/demo.cpp) with the phanos plugin and runs it.
#
#   bash scripts/demo.sh
#
# Builds in build/demo (PHANOS_BUILD_ROOT overrides build/).
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

phanos_ensure_packages "${PHANOS_BUILD_PACKAGES[@]}"

dir=$PHANOS_BUILD_ROOT/demo
phanos_configure "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHANOS_BUILD_TESTS=OFF -DPHANOS_BUILD_PLUGIN=ON
phanos_build "$dir" --target phanos_demo

phanos_log "run $dir/examples/phanos_demo"
"$dir/examples/phanos_demo"
