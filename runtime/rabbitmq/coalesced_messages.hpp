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
#include <vector>

namespace phanos::detail {

// One hand-over, serialised: the body is a JSON list of records.
struct Message {
  std::string routing_key;
  std::string metric;  // the metric's name: hand-overs of one are joined
  std::string body;
  std::size_t records = 0;
};

// A message to publish: the hand-overs it joins, kept apart until it is
// published, when write_body() joins them into a buffer the publishing
// thread reuses. Joined here instead, every message of a batch was a new
// allocation of up to max_message_bytes, written once: on this kind of
// machine most of the publishing thread's time went to the page faults of
// that fresh memory (bench/README.md, the whole pipeline).
struct Outgoing {
  std::string routing_key;
  std::vector<std::string> parts;  // the hand-overs' bodies, in order, each a JSON list
  std::size_t body_size = 0;       // of the joined body
  std::string message_id;          // given by the publisher, kept when it publishes again
};

struct CoalescingLimits {
  std::size_t max_message_records;
  std::size_t max_message_bytes;
};

std::deque<Outgoing> coalesced(std::deque<Message> waiting, CoalescingLimits limits);

// `message`'s body, one JSON list of the records of all its hand-overs, in
// `body` (what it held is replaced; its capacity is kept).
void write_body(const Outgoing& message, std::string& body);

}  // namespace phanos::detail
