#include "pending_acks.hpp"

#include <algorithm>

namespace phanos::collector {

void PendingAcks::delivered(std::uint64_t delivery_tag, Clock::time_point now) {
  if (waiting_ == 0) first_delivered_ = now;
  ++waiting_;
  last_tag_ = delivery_tag;
}

PendingAcks::Clock::time_point PendingAcks::next_checkpoint() const {
  const Clock::time_point wanted = waiting_ >= batch_ ? Clock::time_point::min() : first_delivered_ + interval_;
  return std::max(wanted, retry_after_);
}

bool PendingAcks::due(Clock::time_point now) const { return !empty() && now >= next_checkpoint(); }

PendingAcks::Clock::duration PendingAcks::wait(Clock::time_point now, Clock::duration longest) const {
  if (empty()) return longest;
  const Clock::time_point next = next_checkpoint();
  if (next <= now) return Clock::duration::zero();
  return std::min(next - now, longest);
}

void PendingAcks::clear() {
  waiting_ = 0;
  retry_after_ = Clock::time_point::min();
}

}  // namespace phanos::collector
