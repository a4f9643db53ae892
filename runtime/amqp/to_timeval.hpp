#pragma once
// rabbitmq-c takes its time limits as a timeval.

#include <sys/time.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace phanos::detail {

inline timeval to_timeval(std::chrono::duration<double> duration) {
  const double seconds = std::max(0.0, duration.count());
  timeval result{};
  result.tv_sec = static_cast<time_t>(seconds);
  result.tv_usec = static_cast<suseconds_t>((seconds - std::floor(seconds)) * 1e6);
  return result;
}

}  // namespace phanos::detail
