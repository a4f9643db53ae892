#pragma once
// When to try connecting again after a failed round: 1 s, 2 s, 4 s ... up
// to 30 s, so that an absent broker costs a few attempts a minute, not a
// busy loop nor a log flood.

#include <algorithm>
#include <chrono>

namespace phanos::detail {

class Backoff {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds first{1000};
  static constexpr std::chrono::milliseconds longest{30000};

  bool may_try(Clock::time_point now) const noexcept { return now >= next_try_; }
  Clock::time_point next_try() const noexcept { return next_try_; }

  void failed(Clock::time_point now) noexcept {
    next_try_ = now + delay_;
    delay_ = std::min<std::chrono::milliseconds>(delay_ * 2, longest);
  }
  void succeeded() noexcept {
    delay_ = first;
    next_try_ = Clock::time_point::min();
  }

 private:
  std::chrono::milliseconds delay_ = first;
  Clock::time_point next_try_ = Clock::time_point::min();
};

}  // namespace phanos::detail
