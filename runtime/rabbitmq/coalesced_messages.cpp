#include "coalesced_messages.hpp"

#include <map>
#include <utility>

namespace phanos::detail {
namespace {

struct Open {
  std::size_t index;    // in the result
  std::size_t records;  // already in it
};

bool fits(const Outgoing& message, const Open& open, const Message& next, CoalescingLimits limits) {
  // Joining "[a]" and "[b]" gives "[a,b]": one byte more than the two.
  return open.records + next.records <= limits.max_message_records &&
         message.body_size + next.body.size() - 1 <= limits.max_message_bytes;
}

}  // namespace

std::deque<Outgoing> coalesced(std::deque<Message> waiting, CoalescingLimits limits) {
  std::deque<Outgoing> result;
  // The message each (routing key, metric) is being joined into.
  std::map<std::pair<std::string, std::string>, Open> open;
  for (Message& next : waiting) {
    auto key = std::make_pair(next.routing_key, next.metric);
    const auto found = open.find(key);
    if (found != open.end() && fits(result[found->second.index], found->second, next, limits)) {
      Outgoing& message = result[found->second.index];
      message.body_size += next.body.size() - 1;
      message.parts.push_back(std::move(next.body));
      found->second.records += next.records;
      continue;
    }
    open[std::move(key)] = Open{result.size(), next.records};
    Outgoing message{std::move(next.routing_key), {}, next.body.size(), {}};
    message.parts.push_back(std::move(next.body));
    result.push_back(std::move(message));
  }
  return result;
}

void write_body(const Outgoing& message, std::string& body) {
  body.clear();
  body.reserve(message.body_size);
  for (const std::string& part : message.parts) {
    // Each part is "[...]": its records follow the previous part's after a comma.
    body += body.empty() ? '[' : ',';
    body.append(part, 1, part.size() - 2);
  }
  body += ']';
}

}  // namespace phanos::detail
