#pragma once
// The clock that times profiled calls. Calls keep raw ticks; they become
// milliseconds only when records are handed over.

#include <chrono>
#include <cstdint>

namespace phanos::detail {

using Ticks = std::int64_t;

inline Ticks clock_ticks() noexcept { return std::chrono::steady_clock::now().time_since_epoch().count(); }

inline double ticks_to_milliseconds(Ticks elapsed) noexcept {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::duration(elapsed)).count();
}

}  // namespace phanos::detail
