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
#include <ctime>
#include <ratio>
#include <type_traits>

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
  // steady_clock::now()'s own reading, CLOCK_MONOTONIC in nanoseconds, made
  // inline: libstdc++'s now() is a call through the PLT to a function that
  // makes this same call.
  static_assert(std::is_same_v<std::chrono::steady_clock::period, std::nano>,
                "milliseconds_per_tick() takes these ticks for steady_clock's");
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<Ticks>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Milliseconds per tick, measured now against steady_clock over the time
// since the runtime was loaded. Call it once per batch of conversions.
double milliseconds_per_tick() noexcept;

}  // namespace phanos::detail
