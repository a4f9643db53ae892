#pragma once
// Logs a kind of problem the first time and then at most once per interval
// with how many occurred meanwhile, so that a flood of bad messages neither
// floods the log nor hides that it goes on.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace phanos::collector {

class RateLimitedLog {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimitedLog(Clock::duration interval = std::chrono::seconds(10)) : interval_(interval) {}

  // Logs "<message>" as a warning, or counts it when `kind` was logged less
  // than an interval ago.
  void warn(const std::string& kind, const std::string& message, Clock::time_point now = Clock::now());

 private:
  struct Kind {
    Clock::time_point last_logged;
    std::uint64_t suppressed = 0;
  };
  Clock::duration interval_;
  std::map<std::string, Kind> kinds_;
};

}  // namespace phanos::collector
