#pragma once
// The clock that times profiled calls. Calls keep raw ticks; ticks become
// milliseconds only when records are handed over.
//
// Where the kernel itself keeps time with the CPU's time-stamp counter (its
// clocksource is "tsc": the counter is invariant and synchronised across
// cores), ticks are read with rdtsc, less than half the cost of
// steady_clock::now(); elsewhere they are steady_clock's nanoseconds.

#include <chrono>
#include <cstdint>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace phanos::detail {

using Ticks = std::int64_t;

// Decided once, when the runtime is loaded.
extern const bool ticks_are_tsc;

inline Ticks clock_ticks() noexcept {
#if defined(__x86_64__)
  if (ticks_are_tsc) return static_cast<Ticks>(__rdtsc());
#endif
  return std::chrono::steady_clock::now().time_since_epoch().count();
}

// Milliseconds per tick, measured now against steady_clock over the time
// since the runtime was loaded. Call it once per batch of conversions.
double milliseconds_per_tick() noexcept;

}  // namespace phanos::detail
