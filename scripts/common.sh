# shellcheck shell=bash
# Shared by scripts/demo.sh and scripts/test.sh (sourced, not run).
set -euo pipefail

PHANOS_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
# Build directories go under here: build/demo, build/main, build/asan, build/tsan.
PHANOS_BUILD_ROOT=${PHANOS_BUILD_ROOT:-$PHANOS_ROOT/build}
# The plugin is a Clang 14 plugin: everything is built with clang++-14.
PHANOS_COMPILER=${PHANOS_COMPILER:-clang++-14}

# Debian 12 packages needed to build phanos (runtime, plugin, demo).
# find_package(Clang) checks that every tool in Clang's CMake export exists,
# hence clang-tools-14, clang-format-14, clang-tidy-14 and clangd-14.
PHANOS_BUILD_PACKAGES=(
  cmake ninja-build
  clang-14 clang-tools-14 clang-format-14 clang-tidy-14 clangd-14
  llvm-14-dev libclang-14-dev
  nlohmann-json3-dev libspdlog-dev libfmt-dev
  librabbitmq-dev pkg-config
  libcpp-httplib-dev  # phanos-collector's HTTP server
)
# ... and to test it: unit tests, lit tests, sanitizer runtimes.
PHANOS_TEST_PACKAGES=(
  llvm-14-tools python3
  libgtest-dev libgmock-dev libbenchmark-dev
  libclang-rt-14-dev
  rabbitmq-server  # test/rabbitmq runs private nodes of it
  prometheus       # test/collector: a real server scrapes phanos-collector; promtool
)

phanos_log() { printf '\n==> %s\n' "$*"; }

# phanos_ensure_packages PKG...: apt-get installs the packages that are not
# installed yet; does nothing (no apt-get update) when all are.
phanos_ensure_packages() {
  local missing=() p
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)" != "ii " ]; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    phanos_log "all ${#} Debian packages needed are installed"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "phanos: run as root to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  phanos_log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# phanos_configure BUILD_DIR [CMAKE_ARGS...]
phanos_configure() {
  local dir=$1; shift
  phanos_log "configure $dir $*"
  cmake -S "$PHANOS_ROOT" -B "$dir" -G Ninja \
    -DCMAKE_CXX_COMPILER="$PHANOS_COMPILER" "$@"
}

# phanos_build BUILD_DIR [--target T...]
phanos_build() {
  local dir=$1; shift
  phanos_log "build $dir $*"
  cmake --build "$dir" "$@"
}
