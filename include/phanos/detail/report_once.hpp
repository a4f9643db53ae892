#pragma once
// Lets a failure that repeats on every call be reported only the first time
// (the runtime's run_reporting_failure(), for handlers, metrics and hooks).

#include <atomic>

namespace phanos {
namespace detail {

class ReportOnce {
 public:
  bool first_time() noexcept { return !reported_.exchange(true, std::memory_order_relaxed); }
  // The next failure is reported again (a hook given a new function).
  void reset() noexcept { reported_.store(false, std::memory_order_relaxed); }

 private:
  std::atomic<bool> reported_{false};
};

}  // namespace detail
}  // namespace phanos
