# shellcheck shell=bash
# Shared by scripts/demo.sh and scripts/test.sh (sourced, not run).
set -euo pipefail

PHANOS_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
# Build directories go under here: build/demo, build/main, build/libraries,
# build/asan, build/tsan.
PHANOS_BUILD_ROOT=${PHANOS_BUILD_ROOT:-$PHANOS_ROOT/build}
# The compiler of the build; empty: CMake chooses the newest supported
# clang++-<N> installed (CMakeLists.txt).
PHANOS_COMPILER=${PHANOS_COMPILER:-}

# The Clang versions phanos builds a plugin for: the one list, in
# cmake/PhanosClangVersions.cmake.
read -r -a PHANOS_CLANG_VERSIONS <<<"$(sed -n 's/^set(PHANOS_SUPPORTED_CLANG_VERSIONS \(.*\))$/\1/p' \
  "$PHANOS_ROOT/cmake/PhanosClangVersions.cmake")"

# Debian 12 packages needed to build phanos (runtime, plugins, demo).
# find_package(Clang) checks that every tool in Clang's CMake export exists,
# hence clang-tools-<N>, clang-format-<N>, clang-tidy-<N> and clangd-<N>.
PHANOS_BUILD_PACKAGES=(
  cmake ninja-build make
  nlohmann-json3-dev libspdlog-dev libfmt-dev
  librabbitmq-dev pkg-config
  libsimdjson-dev  # phanos-collector parses the records with simdjson
  libssl-dev  # runtime/amqp configures rabbitmq-c's TLS socket through OpenSSL
)
# ... and to test it: unit tests, lit tests (each version's lit and
# FileCheck), sanitizer runtimes.
PHANOS_TEST_PACKAGES=(
  python3
  libgtest-dev libgmock-dev libbenchmark-dev
  rabbitmq-server  # test/rabbitmq runs private nodes of it
  openssl          # test/rabbitmq makes the TLS listener's CA and certificates
  prometheus       # test/collector: a real server scrapes phanos-collector; promtool
  valgrind         # bench/instruction_counts: callgrind counts a profiled call's instructions
  chromium         # test/prometheus: the call-tree page in a headless browser
)
for v in "${PHANOS_CLANG_VERSIONS[@]}"; do
  PHANOS_BUILD_PACKAGES+=(clang-"$v" clang-tools-"$v" clang-format-"$v" clang-tidy-"$v" clangd-"$v"
    llvm-"$v"-dev libclang-"$v"-dev)
  # The sanitizer runtimes and libFuzzer: libclang-rt-<N>-dev unless the
  # list names another package for <N>.
  rt=$(sed -n "s/^set(PHANOS_CLANG_RT_PACKAGE_$v \\(.*\\))$/\\1/p" "$PHANOS_ROOT/cmake/PhanosClangVersions.cmake")
  PHANOS_TEST_PACKAGES+=(llvm-"$v"-tools "${rt:-libclang-rt-$v-dev}")
done
unset v rt
# ... and for `demo.sh --pipeline`: a RabbitMQ node, a Prometheus server,
# the script that starts them (as the tests do).
PHANOS_PIPELINE_PACKAGES=(python3 rabbitmq-server prometheus)
# ... and for Python phanos in the end-to-end benchmark (`bench.sh
# --python-phanos`), with Debian's python3: its AMQP clients (Debian 12 has
# no orjson; bench/python_phanos_program.py says what stands in).
PHANOS_PYTHON_PHANOS_PACKAGES=(python3-pika python3-aio-pika)
# ... and for the libraries stage (test/libraries): apt-get source unpacks
# with dpkg-source; fmt and yaml-cpp build their tests against Debian's
# googletest sources.
PHANOS_LIBRARY_PACKAGES=(dpkg-dev googletest)

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
  phanos_log "installing Debian packages: ${missing[*]}"
  phanos_as_root "install: ${missing[*]}" apt-get update
  phanos_as_root "install: ${missing[*]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# phanos_as_root WHAT COMMAND...: runs COMMAND as root (through sudo when
# not root); WHAT says in the error what needed root.
phanos_as_root() {
  local what=$1; shift
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "phanos: run as root to $what" >&2
    return 1
  fi
}

# phanos_ensure_deb_src PACKAGE: makes apt-get source find PACKAGE. Debian
# 12's installation lists only binary packages (Types: deb in
# /etc/apt/sources.list.d/debian.sources), so unless apt knows PACKAGE's
# source already, this adds /etc/apt/sources.list.d/phanos-deb-src.sources
# (Types: deb-src, the same Debian archive and suites) and updates the lists
# of that file only.
phanos_ensure_deb_src() {
  if apt-cache showsrc "$1" 2>/dev/null | grep -q '^Package:'; then
    return 0
  fi
  local list=/etc/apt/sources.list.d/phanos-deb-src.sources codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  phanos_log "adding a deb-src entry: $list ($codename)"
  printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
    "Suites: $codename $codename-updates" 'Components: main' \
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
    phanos_as_root "add $list" tee "$list" >/dev/null
  phanos_as_root "update the lists of $list" apt-get update -o Dir::Etc::SourceList="$list" \
    -o Dir::Etc::SourceParts=- -o APT::Get::List-Cleanup=0 -o DPkg::Lock::Timeout=300
}

# phanos_configure BUILD_DIR [CMAKE_ARGS...]
phanos_configure() {
  local dir=$1; shift
  phanos_log "configure $dir $*"
  local compiler=()
  if [ -n "$PHANOS_COMPILER" ]; then compiler=(-DCMAKE_CXX_COMPILER="$PHANOS_COMPILER"); fi
  cmake -S "$PHANOS_ROOT" -B "$dir" -G Ninja "${compiler[@]}" "$@"
}

# phanos_build BUILD_DIR [--target T...]
phanos_build() {
  local dir=$1; shift
  phanos_log "build $dir $*"
  cmake --build "$dir" "$@"
}
