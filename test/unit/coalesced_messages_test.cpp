// AsyncImpProfHandler's coalescing of waiting hand-overs into messages
// (runtime/rabbitmq/coalesced_messages.hpp).

#include "coalesced_messages.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "phanos/format.hpp"

namespace phanos::detail {
namespace {

Record record(const std::string& method, double value) {
  Record r;
  r.item = "Item";
  r.metric = "histogram";
  r.units = "mS";
  r.job = "job";
  r.method = method;
  r.labels = {{"error_raised", "false"}};
  r.operation = "observe";
  r.value = value;
  return r;
}

Message hand_over(const std::string& metric, std::vector<Record> records) {
  return Message{"job", metric, to_json(records), records.size()};
}

constexpr CoalescingLimits roomy{1000, 1 << 20};

// What the publisher sends for `message`, written into a buffer that held
// another body before, as its reused buffer does.
std::string body_of(const Outgoing& message) {
  std::string body = "[\"what the buffer held before\",0]";
  write_body(message, body);
  EXPECT_EQ(body.size(), message.body_size);
  return body;
}

TEST(CoalescedMessages, HandOversOfOneMetricBecomeOneListInTheirOrder) {
  const std::vector<Record> first{record("Item:a", 1), record("Item:a.b", 2)};
  const std::vector<Record> second{record("Item:c", 3)};
  const auto messages = coalesced({hand_over("time_profiler", first), hand_over("time_profiler", second)}, roomy);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].parts.size(), 2u);
  EXPECT_EQ(messages[0].routing_key, "job");
  // Byte for byte what one hand-over of all three records would publish.
  EXPECT_EQ(body_of(messages[0]), to_json({record("Item:a", 1), record("Item:a.b", 2), record("Item:c", 3)}));
}

TEST(CoalescedMessages, MetricsAndRoutingKeysAreNeverMixed) {
  Message other_job = hand_over("time_profiler", {record("Item:x", 9)});
  other_job.routing_key = "other";
  const auto messages =
      coalesced({hand_over("time_profiler", {record("Item:a", 1)}), hand_over("response_size", {record("Item:a", 10)}),
                 other_job, hand_over("time_profiler", {record("Item:b", 2)})},
                roomy);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(body_of(messages[0]), to_json({record("Item:a", 1), record("Item:b", 2)}));
  EXPECT_EQ(body_of(messages[1]), to_json({record("Item:a", 10)}));
  EXPECT_EQ(messages[2].routing_key, "other");
}

TEST(CoalescedMessages, AMessageHoldsAtMostMaxMessageRecords) {
  std::deque<Message> waiting;
  for (int i = 0; i < 7; ++i) waiting.push_back(hand_over("m", {record("Item:a", i), record("Item:b", i)}));
  const auto messages = coalesced(waiting, {5, 1 << 20});
  // Two hand-overs of 2 records fit in 5, a third would make 6.
  ASSERT_EQ(messages.size(), 4u);
  std::size_t hand_overs = 0;
  double next_value = 0;
  for (const Outgoing& message : messages) {
    const auto records = nlohmann::json::parse(body_of(message));
    EXPECT_LE(records.size(), 5u);
    for (std::size_t i = 0; i < records.size(); i += 2)
      EXPECT_EQ(records[i]["value"][1].get<double>(), next_value++);  // ["observe", value]
    hand_overs += message.parts.size();
  }
  EXPECT_EQ(hand_overs, 7u);
}

TEST(CoalescedMessages, AMessageHoldsAtMostMaxMessageBytesAndALargerHandOverGoesAlone) {
  const Message small = hand_over("m", {record("Item:a", 1)});
  const Message large = hand_over("m", {record("Item:" + std::string(500, 'x'), 2)});
  const std::size_t limit = 2 * small.body.size();  // two joined are one byte less
  const auto messages = coalesced({small, small, small, large, small}, {1000, limit});
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0].parts.size(), 2u);
  EXPECT_LE(messages[0].body_size, limit);
  EXPECT_EQ(messages[1].parts.size(), 1u);
  EXPECT_EQ(body_of(messages[2]), large.body);
  EXPECT_EQ(messages[3].parts.size(), 1u);
  for (const Outgoing& message : messages) EXPECT_NO_THROW(static_cast<void>(nlohmann::json::parse(body_of(message))));
}

TEST(CoalescedMessages, NothingWaitingIsNoMessage) { EXPECT_TRUE(coalesced({}, roomy).empty()); }

}  // namespace
}  // namespace phanos::detail
