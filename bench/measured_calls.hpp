#pragma once
// The call every per-call figure is made of: plain, as the baseline, and
// profiled. Never inlined, so that each is a real call, as a user's is.

#include <benchmark/benchmark.h>
#include <phanos/phanos.hpp>

namespace phanos_bench {

__attribute__((noinline)) inline int plain(int x) {
  benchmark::ClobberMemory();
  return x + 1;
}

[[phanos::profile]] __attribute__((noinline)) inline int profiled(int x) {
  benchmark::ClobberMemory();
  return x + 1;
}

}  // namespace phanos_bench
