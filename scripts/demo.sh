#!/usr/bin/env bash
# Installs what phanos needs (Debian 12, as root), builds the demo program
# (examples/demo.cpp) with the phanos plugin and runs it.
#
#   bash scripts/demo.sh
#
# With --pipeline, the whole pipeline instead (scripts/pipeline_demo.py): a
# private RabbitMQ node, phanos-collector, a Prometheus server and the
# example service (examples/service.cpp) publishing for PHANOS_DEMO_SECONDS
# (default 30); prints the call-tree page's URL and a PromQL query with its
# answer, and stops all of it by pid at the end or on Ctrl-C.
#
#   bash scripts/demo.sh --pipeline
#
# Builds in build/demo (PHANOS_BUILD_ROOT overrides build/).
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

pipeline=false
case "${1:-}" in
  "") ;;
  --pipeline) pipeline=true ;;
  *) echo "usage: bash scripts/demo.sh [--pipeline]" >&2; exit 2 ;;
esac

if $pipeline; then
  phanos_ensure_packages "${PHANOS_BUILD_PACKAGES[@]}" "${PHANOS_PIPELINE_PACKAGES[@]}"
else
  phanos_ensure_packages "${PHANOS_BUILD_PACKAGES[@]}"
fi

dir=$PHANOS_BUILD_ROOT/demo
phanos_configure "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHANOS_BUILD_TESTS=OFF -DPHANOS_BUILD_PLUGIN=ON

if $pipeline; then
  phanos_build "$dir" --target phanos_collector phanos_example_service
  python3 -B "$PHANOS_ROOT/scripts/pipeline_demo.py" "$dir/tools/collector/phanos-collector" \
    "$dir/examples/phanos_example_service" "${PHANOS_DEMO_SECONDS:-30}"
  exit
fi

phanos_build "$dir" --target phanos_demo

phanos_log "run $dir/examples/phanos_demo"
"$dir/examples/phanos_demo"
