// A waiting record is two words (runtime/core/waiting_records.hpp): the
// metric's id shares a word with the call's ticks or an index. An id or a
// tick count too large for it waits in full beside the entry; these tests
// check that such records come out as they went in.

#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "context_node.hpp"
#include "test_support.hpp"
#include "waiting_records.hpp"

namespace phanos {
namespace {

using test::profiled;
using testing::ElementsAre;

constexpr detail::Site serve_site{"serve", "Server", "Server::serve", "server.cpp", 1};
constexpr detail::Site parse_site{"parse", "Server", "Server::parse", "server.cpp", 2};

struct TakenBack {
  std::uint64_t metric_id;
  std::int64_t payload;
  bool wide;
};

std::vector<TakenBack> taken_back(const detail::TakenRecords& taken) {
  std::vector<TakenBack> entries;
  for (const detail::WaitingEntry& entry : taken.entries) {
    entries.push_back({taken.metric_id(entry), taken.payload(entry), entry.is_wide()});
  }
  return entries;
}

MATCHER_P3(WaitsAs, metric_id, payload, wide, "") {
  return arg.metric_id == metric_id && arg.payload == payload && arg.wide == wide;
}

TEST(WaitingEntry, AnIdOrTickCountTooLargeForOneWordWaitsInFull) {
  const detail::ContextNode& node = detail::root_node(serve_site);
  constexpr std::uint64_t largest_packed_id = (std::uint64_t{1} << 16) - 1;
  constexpr std::int64_t largest_packed_ticks = (std::int64_t{1} << 48) - 1;
  constexpr std::int64_t most_ticks = std::numeric_limits<std::int64_t>::max();
  detail::ThreadRecords records;
  records.add_time(7, node, 1234, detail::ErrorRaised::not_labelled);
  records.add_time(largest_packed_id, node, largest_packed_ticks, detail::ErrorRaised::no);
  records.add_time(largest_packed_id + 1, node, 1234, detail::ErrorRaised::yes);
  records.add_time(7, node, largest_packed_ticks + 1, detail::ErrorRaised::not_labelled);
  records.add_time(std::numeric_limits<std::uint64_t>::max(), node, most_ticks, detail::ErrorRaised::no);
  // A clock stepping back makes a negative time; it is handed over as such.
  records.add_time(7, node, -5, detail::ErrorRaised::not_labelled);

  detail::TakenRecords taken;
  records.take(taken);
  EXPECT_THAT(taken_back(taken),
              ElementsAre(WaitsAs(7u, 1234, false),  //
                          WaitsAs(largest_packed_id, largest_packed_ticks, false),
                          WaitsAs(largest_packed_id + 1, 1234, true), WaitsAs(7u, largest_packed_ticks + 1, true),
                          WaitsAs(std::numeric_limits<std::uint64_t>::max(), most_ticks, true), WaitsAs(7u, -5, true)));
  // The entry's own word keeps the node and ErrorRaised either way.
  EXPECT_EQ(taken.entries[2].node(), &node);
  EXPECT_EQ(taken.entries[2].error_raised(), detail::ErrorRaised::yes);
  EXPECT_EQ(taken.entries[4].error_raised(), detail::ErrorRaised::no);
}

TEST(WaitingEntry, WholeRecordsAndObservationsOfALargeIdKeepTheirIndex) {
  const detail::ContextNode& node = detail::root_node(serve_site);
  constexpr std::uint64_t large_id = std::uint64_t{1} << 40;
  detail::ThreadRecords records;
  records.next_whole().operation = "state";
  records.add_whole(large_id);
  records.add_observation(large_id, node, detail::ErrorRaised::not_labelled,
                          {nullptr, 2.5, detail::NumberOperation::inc});
  records.next_whole().operation = "info";
  records.add_whole(3);

  detail::TakenRecords taken;
  records.take(taken);
  EXPECT_THAT(taken_back(taken),
              ElementsAre(WaitsAs(large_id, 0, true), WaitsAs(large_id, 0, true), WaitsAs(3u, 1, false)));
  EXPECT_EQ(taken.entries[0].node(), nullptr);
  EXPECT_TRUE(taken.entries[1].is_observation());
  EXPECT_EQ(taken.whole[1].operation, "info");
}

// Ids are never reused in a process, so a long-running one that makes
// metrics again and again passes 65,535 of them.
TEST(WaitingEntry, MetricsMadeAfter65535OthersHandOverTheSameRecords) {
  for (int i = 0; i < 65536; ++i) Counter("throwaway", "EXAMPLE", "n");
  auto capture = test::reset_profiler(test::example_config());  // makes the time profiler after them
  auto requests = std::make_shared<Counter>("requests", "EXAMPLE", "n", std::vector<std::string>{"route"});
  auto phase = std::make_shared<Enum>("phase", "EXAMPLE", std::vector<std::string>{"start", "stop"});
  profiler().add_metric(requests);
  profiler().add_metric(phase);
  profiled(serve_site, [&] {
    profiled(parse_site, [&] { requests->inc(2.0, {{"route", "/a"}}); });
    phase->state("stop");
  });

  const std::vector<Record> records = capture->all_records();
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(test::methods_of(records),
            (std::vector<std::string>{"Server:serve.parse", "Server:serve", "Server:serve.parse", "Server:serve"}));
  EXPECT_EQ(records[0].operation, "observe");
  EXPECT_EQ(records[0].metric, "histogram");
  EXPECT_EQ(records[2].metric, "counter");
  EXPECT_EQ(records[2].labels, (Labels{{"route", "/a"}}));
  EXPECT_EQ(records[2].operation, "inc");
  EXPECT_EQ(std::get<double>(records[2].value), 2.0);
  EXPECT_EQ(records[3].metric, "enum");
  EXPECT_EQ(records[3].operation, "state");
  EXPECT_EQ(std::get<std::string>(records[3].value), "stop");
}

}  // namespace
}  // namespace phanos
