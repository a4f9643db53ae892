#pragma once
// When to try connecting again after a failed round: `first`, then twice as
// long each time up to `longest` (the RabbitMQ handlers: 1 s to 30 s), so
// that an absent broker costs a few attempts a minute, not a busy loop nor
// a log flood.

#include <algorithm>
#include <chrono>

namespace phanos::detail {

class Backoff {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Backoff(std::chrono::milliseconds first = std::chrono::seconds(1),
                   std::chrono::milliseconds longest = std::chrono::seconds(30)) noexcept
      : first_(first), longest_(longest), delay_(first) {}

  bool may_try(Clock::time_point now) const noexcept { return now >= next_try_; }
  Clock::time_point next_try() const noexcept { return next_try_; }
  std::chrono::milliseconds first() const noexcept { return first_; }
  std::chrono::milliseconds longest() const noexcept { return longest_; }

  void failed(Clock::time_point now) noexcept {
    next_try_ = now + delay_;
    delay_ = std::min<std::chrono::milliseconds>(delay_ * 2, longest_);
  }
  void succeeded() noexcept {
    delay_ = first_;
    next_try_ = Clock::time_point::min();
  }

 private:
  std::chrono::milliseconds first_, longest_, delay_;
  Clock::time_point next_try_ = Clock::time_point::min();
};

}  // namespace phanos::detail
