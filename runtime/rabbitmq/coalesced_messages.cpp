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
         message.body.size() + next.body.size() - 1 <= limits.max_message_bytes;
}

void append(Outgoing& message, Open& open, const Message& next) {
  message.body.back() = ',';
  message.body.append(next.body, 1, std::string::npos);
  open.records += next.records;
  ++message.hand_overs;
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
      append(result[found->second.index], found->second, next);
      continue;
    }
    open[std::move(key)] = Open{result.size(), next.records};
    result.push_back(Outgoing{std::move(next.routing_key), std::move(next.body), 1, {}});
  }
  return result;
}

}  // namespace phanos::detail
