#!/usr/bin/env bash
# Installs what phanos needs (Debian 12, as root), builds the benchmarks
# (Release) and runs them all; bench/README.md explains each and keeps the
# figures.
#
#   bash scripts/bench.sh             # every benchmark (about 25 minutes)
#   bash scripts/bench.sh --quick     # without the instruction count of compiling
#                                     # and the libraries built twice
#   bash scripts/bench.sh --only pipeline
#                                     # the end-to-end benchmark alone (about 3 minutes)
#   bash scripts/bench.sh --python-phanos CHECKOUT ...
#                                     # the end-to-end benchmark runs Python phanos
#                                     # (a checkout of kajotgames/phanos) too
#
# Builds in build/bench (PHANOS_BUILD_ROOT overrides build/).
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

quick=false only="" python_phanos=()
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=true ;;
    --only)
      if [ "${2:-}" != pipeline ]; then echo "bench.sh: --only takes 'pipeline', not '${2:-}'" >&2; exit 2; fi
      only=$2
      shift ;;
    --python-phanos)
      if [ ! -d "${2:-}" ]; then echo "bench.sh: --python-phanos needs a checkout's directory, not '${2:-}'" >&2; exit 2; fi
      python_phanos=(--python-phanos "$(cd -- "$2" && pwd)")
      shift ;;
    *) echo "bench.sh: unknown option '$1' (--quick, --only pipeline, --python-phanos CHECKOUT)" >&2; exit 2 ;;
  esac
  shift
done

phanos_ensure_packages "${PHANOS_BUILD_PACKAGES[@]}" "${PHANOS_TEST_PACKAGES[@]}" \
  "${PHANOS_LIBRARY_PACKAGES[@]}"
if [ ${#python_phanos[@]} -gt 0 ]; then phanos_ensure_packages "${PHANOS_PYTHON_PHANOS_PACKAGES[@]}"; fi

dir=$PHANOS_BUILD_ROOT/bench
phanos_configure "$dir" -DCMAKE_BUILD_TYPE=Release -DPHANOS_BUILD_TESTS=OFF -DPHANOS_BENCH=ON

run_pipeline_bench() {
  phanos_log "the whole pipeline: program -> RabbitMQ -> phanos-collector -> /metrics (bench/run_pipeline_bench.py)"
  python3 -B "$PHANOS_ROOT/bench/run_pipeline_bench.py" "$dir" "${python_phanos[@]}"
}

if [ "$only" = pipeline ]; then
  phanos_build "$dir" --target phanos_pipeline_program phanos_collector
  run_pipeline_bench
  exit 0
fi
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

run_pipeline_bench

# The build's compiler and its plugin (lib/phanos/clang-<N>/ of the build tree).
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$dir/CMakeCache.txt")
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:[A-Z]*=//p' "$dir/CMakeCache.txt")
version=$("$cxx" -dumpversion)
compile_time=(python3 "$PHANOS_ROOT/bench/compile_time.py" --cxx "$cxx"
  --plugin "$dir/$libdir/phanos/clang-${version%%.*}/phanos.so" --include "$PHANOS_ROOT/include")

phanos_log "compile time, CPU seconds (bench/compile_time.py)"
"${compile_time[@]}" --runs 7

if [ "$quick" = false ]; then
  phanos_log "compile time, front-end instructions (bench/compile_time.py --instructions)"
  "${compile_time[@]}" --instructions
fi

if [ "$quick" = false ]; then
  phanos_log "open-source libraries with and without phanos (bench/library_figures.py)"
  phanos_ensure_deb_src fmtlib
  PHANOS_CXX=clang++-${PHANOS_CLANG_VERSIONS[0]} \
    python3 -B "$PHANOS_ROOT/bench/library_figures.py" "$dir/bin/phanos-clang++" "$PHANOS_BUILD_ROOT/library-figures"
fi
