#pragma once
// AsyncImpProfHandler's coalescing: the hand-overs waiting in its queue go
// out as fewer, larger messages. Hand-overs of one metric (and one routing
// key) are joined into one message, in the order they were queued, until the
// message would hold more than max_message_records records or
// max_message_bytes bytes; the body stays what Python phanos publishes, a
// JSON list of records. A hand-over larger than the limits goes alone.

#include <cstddef>
#include <deque>
#include <string>

namespace phanos::detail {

// One hand-over, serialised: the body is a JSON list of records.
struct Message {
  std::string routing_key;
  std::string metric;  // the metric's name: hand-overs of one are joined
  std::string body;
  std::size_t records = 0;
};

// A message to publish and how many hand-overs it carries.
struct Outgoing {
  std::string routing_key;
  std::string body;
  std::size_t hand_overs = 0;
  std::string message_id;  // given by the publisher, kept when it publishes again
};

struct CoalescingLimits {
  std::size_t max_message_records;
  std::size_t max_message_bytes;
};

std::deque<Outgoing> coalesced(std::deque<Message> waiting, CoalescingLimits limits);

}  // namespace phanos::detail
