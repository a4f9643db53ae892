#!/usr/bin/env bash
# Installs what phanos needs (Debian 12, as root), builds the benchmarks
# (Release) and runs them all; bench/README.md explains each and keeps the
# figures.
#
#   bash scripts/bench.sh             # every benchmark (about 25 minutes)
#   bash scripts/bench.sh --quick     # without the instruction count of compiling
#                                     # and the libraries built twice
#
# Builds in build/bench (PHANOS_BUILD_ROOT overrides build/).
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

phanos_ensure_packages "${PHANOS_BUILD_PACKAGES[@]}" "${PHANOS_TEST_PACKAGES[@]}" \
  "${PHANOS_LIBRARY_PACKAGES[@]}"

dir=$PHANOS_BUILD_ROOT/bench
phanos_configure "$dir" -DCMAKE_BUILD_TYPE=Release -DPHANOS_BUILD_TESTS=OFF -DPHANOS_BENCH=ON
phanos_build "$dir"

phanos_log "per-call overhead (bench/overhead_bench.cpp)"
"$dir/bench/phanos_overhead_bench"

phanos_log "instructions per profiled operation, callgrind (bench/instruction_counts)"
python3 -B "$PHANOS_ROOT/bench/instruction_counts/count_instructions.py" \
  "$dir/bench/instruction_counts/phanos_counted_operations"

phanos_log "per suspension and resumption of a profiled coroutine (bench/coroutine_bench.cpp)"
"$dir/bench/phanos_coroutine_bench"

phanos_log "RabbitMQ handlers against a private broker (bench/rabbit_bench.cpp)"
python3 "$PHANOS_ROOT/bench/run_rabbit_bench.py" "$dir/bench/phanos_rabbit_bench"

phanos_log "phanos-collector: ingest and /metrics rendering (bench/collector_bench.cpp)"
"$dir/bench/phanos_collector_bench"

# The build's compiler and its plugin (lib/phanos/clang-<N>/ of the build tree).
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$dir/CMakeCache.txt")
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:[A-Z]*=//p' "$dir/CMakeCache.txt")
version=$("$cxx" -dumpversion)
compile_time=(python3 "$PHANOS_ROOT/bench/compile_time.py" --cxx "$cxx"
  --plugin "$dir/$libdir/phanos/clang-${version%%.*}/phanos.so" --include "$PHANOS_ROOT/include")

phanos_log "compile time, CPU seconds (bench/compile_time.py)"
"${compile_time[@]}" --runs 7

if [ "${1:-}" != "--quick" ]; then
  phanos_log "compile time, front-end instructions (bench/compile_time.py --instructions)"
  "${compile_time[@]}" --instructions
fi

if [ "${1:-}" != "--quick" ]; then
  phanos_log "open-source libraries with and without phanos (bench/library_figures.py)"
  phanos_ensure_deb_src fmtlib
  PHANOS_CXX=clang++-${PHANOS_CLANG_VERSIONS[0]} \
    python3 -B "$PHANOS_ROOT/bench/library_figures.py" "$dir/bin/phanos-clang++" "$PHANOS_BUILD_ROOT/library-figures"
fi
