#pragma once
// With --state-file a message is acknowledged only once a checkpoint that
// holds what it counted is on the disk. PendingAcks keeps the last delivery
// tag aggregated and not yet acknowledged, and says when a checkpoint is
// due: `interval` after the first such message, or at once when `batch`
// of them wait (the prefetch window nearly used up: the broker sends no
// more until some are acknowledged). After a checkpoint that failed, the
// next try waits an interval.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace phanos::collector {

class PendingAcks {
 public:
  using Clock = std::chrono::steady_clock;

  PendingAcks(Clock::duration interval, std::size_t batch) : interval_(interval), batch_(batch) {}

  void delivered(std::uint64_t delivery_tag, Clock::time_point now);
  bool empty() const { return waiting_ == 0; }
  std::uint64_t last_tag() const { return last_tag_; }
  bool due(Clock::time_point now) const;
  // How long to wait for the next message before a checkpoint is due, at most `longest`.
  Clock::duration wait(Clock::time_point now, Clock::duration longest) const;
  void checkpoint_failed(Clock::time_point now) { retry_after_ = now + interval_; }
  // After the acknowledgement, or when the connection was lost (its tags
  // mean nothing on the next one, where the broker delivers them again).
  void clear();

 private:
  Clock::time_point next_checkpoint() const;

  Clock::duration interval_;
  std::size_t batch_;
  std::size_t waiting_ = 0;
  std::uint64_t last_tag_ = 0;
  Clock::time_point first_delivered_;
  Clock::time_point retry_after_ = Clock::time_point::min();
};

}  // namespace phanos::collector
