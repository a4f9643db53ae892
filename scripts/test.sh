#!/usr/bin/env bash
# Installs what phanos needs (Debian 12, as root), then builds and tests:
#   main       the whole project (a plugin per supported Clang version,
#              runtime, demo, unit, lit, integration and consumer tests; the lit
#              and consumer tests once per plugin), RelWithDebInfo
#   libraries  open-source libraries (Debian source packages, fetched with
#              apt-get source) built with every function instrumented, their
#              own test suites run (test/libraries), against main's plugin and
#              runtime (build/main, only those built when main did not run)
#   asan       the runtime and its unit tests with AddressSanitizer + UBSan,
#              and a short run of each fuzzer (test/fuzz)
#   tsan       the runtime and its unit tests with ThreadSanitizer
# each with ctest. Exits non-zero if any step fails.
#
#   bash scripts/test.sh                 all four
#   bash scripts/test.sh main asan       some of them
#
# Builds in build/{main,libraries,asan,tsan} (PHANOS_BUILD_ROOT overrides
# build/), with the newest supported clang++-<N> (PHANOS_COMPILER overrides it).
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

stages=("$@")
if [ ${#stages[@]} -eq 0 ]; then stages=(main libraries asan tsan); fi
for s in "${stages[@]}"; do
  case $s in
    main|libraries|asan|tsan) ;;
    *) echo "phanos: unknown stage '$s' (main, libraries, asan, tsan)" >&2; exit 2 ;;
  esac
done

phanos_ensure_packages "${PHANOS_BUILD_PACKAGES[@]}" "${PHANOS_TEST_PACKAGES[@]}" \
  "${PHANOS_LIBRARY_PACKAGES[@]}"

jobs=$(nproc 2>/dev/null || echo 2)
total_passed=0
total_failed=0
failures=()
summary=()

# run_ctest STAGE DIR [CTEST_ARGS...] [-- PREFIX COMMAND...]: runs ctest,
# adds its counts.
run_ctest() {
  local stage=$1 dir=$2; shift 2
  local -a args=() prefix=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  prefix=("$@")
  local log="$dir/ctest.log" rc=0
  phanos_log "ctest ($stage) ${args[*]}"
  "${prefix[@]}" ctest --test-dir "$dir" --output-on-failure --no-tests=error \
    --timeout 600 -j "$jobs" "${args[@]}" 2>&1 | tee "$log" || rc=$?
  local line failed=0 total=0
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    failed=${BASH_REMATCH[1]}
    total=${BASH_REMATCH[2]}
  fi
  total_passed=$((total_passed + total - failed))
  total_failed=$((total_failed + failed))
  summary+=("$stage: $((total - failed)) of $total tests passed")
  if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
    failures+=("$stage: ctest")
    return 1
  fi
}

# The main stage's build of phanos, optimised as users build it. Line tables
# are all the debug information a failing test's backtrace needs, and full
# -g costs a third more compile time.
main_configure_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG"
                     -DPHANOS_SANITIZE= -DPHANOS_BUILD_PLUGIN=ON -DPHANOS_FUZZ=OFF)

# libraries_stage DIR: builds main's runtime and the plugin of the oldest
# supported Clang (nothing when the main stage built them), which builds the
# libraries (PHANOS_CXX), then configures test/libraries in DIR.
libraries_stage() {
  local dir=$1 main=$PHANOS_BUILD_ROOT/main version=${PHANOS_CLANG_VERSIONS[0]}
  export PHANOS_CXX=clang++-$version
  if ! phanos_configure "$main" "${main_configure_args[@]}" ||
     ! phanos_build "$main" --target "phanos_plugin_clang$version" phanos_runtime; then
    failures+=("libraries: build of phanos"); summary+=("libraries: build of phanos failed"); return 1
  fi
  if ! phanos_ensure_deb_src fmtlib; then
    failures+=("libraries: deb-src entry"); return 1
  fi
  phanos_log "configure $dir"
  if ! cmake -S "$PHANOS_ROOT/test/libraries" -B "$dir" -DPHANOS_BUILD_DIR="$main"; then
    failures+=("libraries: configure"); return 1
  fi
}

stage() {
  local name=$1 dir=$PHANOS_BUILD_ROOT/$1; shift
  local -a prefix=()
  case $name in
    main)
      if ! phanos_configure "$dir" "${main_configure_args[@]}"; then
        failures+=("$name: configure"); return; fi ;;
    libraries)
      if libraries_stage "$dir"; then run_ctest "$name" "$dir" || true; fi
      return ;;
    asan|tsan)
      local sanitize=address,undefined fuzz=OFF
      # The asan build also runs the fuzzers (test/fuzz: a short libFuzzer
      # run of each), on its own instrumented libraries.
      [ "$name" = asan ] && fuzz=ON
      [ "$name" = tsan ] && sanitize=thread
      # The runtime and its unit tests only (no plugin, demo, lit or consumer
      # tests: those link unsanitized programs with the runtime). -O0: -O1
      # compiles three times as long with the sanitizers (19.6 against 6.7 s
      # for metrics_test.cpp), for fuzzers that only run 15 s; line tables
      # name file and line in the sanitizers' reports. A unity build (the
      # files of a target compiled a few at a time) halves these stages' CPU
      # time (tsan: 133 against 260 s); the main stage still compiles each
      # file alone, so a file that misses an include fails there.
      if ! phanos_configure "$dir" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -gline-tables-only" \
          -DCMAKE_UNITY_BUILD=ON \
          -DPHANOS_SANITIZE="$sanitize" -DPHANOS_FUZZ=$fuzz -DPHANOS_BUILD_PLUGIN=OFF; then
        failures+=("$name: configure"); return; fi
      prefix=(sh "$PHANOS_ROOT/scripts/without_aslr.sh") ;;
  esac
  if ! phanos_build "$dir"; then
    failures+=("$name: build"); summary+=("$name: build failed"); return
  fi
  run_ctest "$name" "$dir" -- "${prefix[@]}" || true
}

start=$(date +%s)
for s in "${stages[@]}"; do
  t0=$(date +%s)
  stage "$s"
  summary+=("$s: took $(( $(date +%s) - t0 )) s")
done

phanos_log "summary ($(( $(date +%s) - start )) s)"
if [ ${#summary[@]} -ne 0 ]; then
  printf '%s\n' "${summary[@]}"
fi
if [ ${#failures[@]} -ne 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
fi
echo "phanos: $total_passed passed, $total_failed failed"
[ ${#failures[@]} -eq 0 ]
