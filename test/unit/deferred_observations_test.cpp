// Operations of numeric metrics inside profiled calls wait as a few words and
// a label set the thread keeps (runtime/core/label_sets.hpp); their records
// are written at hand-over. These tests check that the records are those the
// operations describe, whatever the thread kept from earlier ones.

#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "label_sets.hpp"
#include "test_support.hpp"
#include "thread_state.hpp"

namespace phanos {

// Failures show records as text, not bytes.
void PrintTo(const Record& record, std::ostream* out) {
  *out << "{" << record.item << ", " << record.metric << ", " << record.units << ", " << record.job << ", "
       << record.method << ", {";
  for (const auto& [name, value] : record.labels) *out << name << "=" << value << " ";
  *out << "}, " << record.operation << ", ";
  if (const double* number = std::get_if<double>(&record.value)) *out << *number;
  *out << "}";
}

namespace {

using test::profiled;
using testing::ElementsAre;
using testing::HasSubstr;

constexpr detail::Site get_site{"get", "Api", "Api::get", "api.cpp", 1};
constexpr detail::Site load_site{"load", "Api", "Api::load", "api.cpp", 2};

Record expected(const std::string& metric_type, const std::string& units, const std::string& method, Labels labels,
                const std::string& operation, double value) {
  return Record{"Api", metric_type, units, "EXAMPLE", method, std::move(labels), operation, value};
}

MATCHER_P(IsRecord, record, "") {
  return arg.item == record.item && arg.metric == record.metric && arg.units == record.units && arg.job == record.job &&
         arg.method == record.method && arg.labels == record.labels && arg.operation == record.operation &&
         arg.value == record.value;
}

TEST(DeferredObservations, EveryNumericOperationMakesItsRecord) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto latency = std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"route"});
  auto size = std::make_shared<Summary>("size", "EXAMPLE", "B", std::vector<std::string>{"route"});
  auto requests = std::make_shared<Counter>("requests", "EXAMPLE", "n", std::vector<std::string>{"route"});
  auto depth = std::make_shared<Gauge>("depth", "EXAMPLE", "items", std::vector<std::string>{"route"});
  for (std::shared_ptr<Metric> metric : std::vector<std::shared_ptr<Metric>>{latency, size, requests, depth}) {
    profiler().add_metric(metric);
  }
  const Labels route{{"route", "/a"}};
  profiled(get_site, [&] {
    latency->observe(0.5, route);
    size->observe(100.0, route);
    requests->inc(1.0, route);
    depth->inc(3.0, route);
    depth->dec(1.0, route);
    depth->set(7.0, route);
    depth->inc(2.0, route);
  });

  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_THAT(calls[0].records, ElementsAre(IsRecord(expected("histogram", "s", "Api:get", route, "observe", 0.5))));
  EXPECT_THAT(calls[1].records, ElementsAre(IsRecord(expected("summary", "B", "Api:get", route, "observe", 100.0))));
  EXPECT_THAT(calls[2].records, ElementsAre(IsRecord(expected("counter", "n", "Api:get", route, "inc", 1.0))));
  // The same labels with another operation: each record names its own.
  EXPECT_THAT(calls[3].records, ElementsAre(IsRecord(expected("gauge", "items", "Api:get", route, "inc", 3.0)),
                                            IsRecord(expected("gauge", "items", "Api:get", route, "dec", 1.0)),
                                            IsRecord(expected("gauge", "items", "Api:get", route, "set", 7.0)),
                                            IsRecord(expected("gauge", "items", "Api:get", route, "inc", 2.0))));
}

// The thread keeps the values, not the caller's strings: labels changed in
// place between operations are recorded as they were at each operation.
TEST(DeferredObservations, LabelsChangedInPlaceAreRecordedAsGiven) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto latency = std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"route", "zone"});
  profiler().add_metric(latency);
  Labels labels{{"route", "/a"}, {"zone", "eu"}};
  for (int root = 0; root < 2; ++root) {
    profiled(get_site, [&] {
      latency->observe(1.0, labels);
      labels[1].second[0] = 'u';  // "uu": same length, same buffer
      latency->observe(2.0, labels);
      labels[1].second = "eu";
      latency->observe(3.0, labels);
    });
  }

  const Labels eu{{"route", "/a"}, {"zone", "eu"}};
  const Labels uu{{"route", "/a"}, {"zone", "uu"}};
  const auto records = capture->all_records();
  EXPECT_THAT(records, ElementsAre(IsRecord(expected("histogram", "s", "Api:get", eu, "observe", 1.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", uu, "observe", 2.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", eu, "observe", 3.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", eu, "observe", 1.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", uu, "observe", 2.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", eu, "observe", 3.0))));
}

// Each record keeps the order its operation gave, with error_raised last
// unless the operation gave it.
TEST(DeferredObservations, EachOrderOfLabelsIsKept) {
  auto capture = test::reset_profiler(test::example_config(true, false));
  auto latency = std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"route", "zone"});
  profiler().add_metric(latency);
  profiled(get_site, [&] {
    latency->observe(1.0, {{"route", "/a"}, {"zone", "eu"}});
    latency->observe(2.0, {{"zone", "eu"}, {"route", "/a"}});
    latency->observe(3.0, {{"route", "/a"}, {"zone", "eu"}});
    latency->observe(4.0, {{"error_raised", "x"}, {"zone", "eu"}, {"route", "/a"}});
    latency->observe(5.0, {{"zone", "eu"}, {"route", "/a"}});
  });

  const auto records = capture->all_records();
  EXPECT_THAT(
      records,
      ElementsAre(IsRecord(expected("histogram", "s", "Api:get",
                                    {{"route", "/a"}, {"zone", "eu"}, {"error_raised", "false"}}, "observe", 1.0)),
                  IsRecord(expected("histogram", "s", "Api:get",
                                    {{"zone", "eu"}, {"route", "/a"}, {"error_raised", "false"}}, "observe", 2.0)),
                  IsRecord(expected("histogram", "s", "Api:get",
                                    {{"route", "/a"}, {"zone", "eu"}, {"error_raised", "false"}}, "observe", 3.0)),
                  IsRecord(expected("histogram", "s", "Api:get",
                                    {{"error_raised", "false"}, {"zone", "eu"}, {"route", "/a"}}, "observe", 4.0)),
                  IsRecord(expected("histogram", "s", "Api:get",
                                    {{"zone", "eu"}, {"route", "/a"}, {"error_raised", "false"}}, "observe", 5.0))));
}

// An order accepted only because the profiler adds error_raised is refused,
// with the usual message, once it no longer does.
TEST(DeferredObservations, AnOrderSeenBeforeIsCheckedAgainstTheCurrentConfiguration) {
  auto capture = test::reset_profiler(test::example_config(true, false));
  auto latency =
      std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"route", "error_raised"});
  profiler().add_metric(latency);
  testing::internal::CaptureStderr();
  profiled(get_site, [&] {
    EXPECT_TRUE(latency->observe(1.0, {{"route", "/a"}}));
    profiler().error_raised_label(false);
    EXPECT_FALSE(latency->observe(2.0, {{"route", "/a"}}));
    EXPECT_TRUE(latency->observe(3.0, {{"route", "/a"}, {"error_raised", "no"}}));
    EXPECT_FALSE(latency->observe(4.0, {{"route", "/b"}, {"zone", "eu"}}));
  });
  const std::string errors = testing::internal::GetCapturedStderr();

  EXPECT_THAT(errors, HasSubstr("metric 'latency' (histogram.observe): expected labels {route, error_raised}, "
                                "labels given {route}"));
  EXPECT_THAT(errors, HasSubstr("metric 'latency' (histogram.observe): expected labels {route, error_raised}, "
                                "labels given {route, zone}"));
  const auto records = capture->all_records();
  EXPECT_THAT(
      records,
      ElementsAre(
          IsRecord(expected("histogram", "s", "Api:get", {{"route", "/a"}, {"error_raised", "false"}}, "observe", 1.0)),
          IsRecord(expected("histogram", "s", "Api:get", {{"route", "/a"}, {"error_raised", "no"}}, "observe", 3.0))));
}

// A record written at one hand-over into the slot of an earlier one keeps
// nothing of it, across call paths, label sets and metrics removed and
// added again.
TEST(DeferredObservations, RecordsOfLaterHandOversKeepNothingOfEarlierOnes) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto latency = std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"route"});
  // Keeps profiling on while latency is removed.
  profiler().add_metric(std::make_shared<Counter>("other", "EXAMPLE", "n"));
  profiler().add_metric(latency);
  profiled(get_site, [&] { latency->observe(1.0, {{"route", "/a"}}); });
  profiled(load_site, [&] { latency->observe(2.0, {{"route", "/a"}}); });
  profiled(get_site, [&] { latency->observe(3.0, {{"route", "/b"}}); });
  profiler().delete_metrics(false, false);
  profiler().add_metric(std::make_shared<Counter>("other", "EXAMPLE", "n"));
  profiled(get_site, [&] { latency->observe(4.0, {{"route", "/c"}}); });
  profiler().add_metric(latency);
  profiled(get_site, [&] { latency->observe(5.0, {{"route", "/d"}}); });

  const auto records = capture->all_records();
  EXPECT_THAT(records, ElementsAre(IsRecord(expected("histogram", "s", "Api:get", {{"route", "/a"}}, "observe", 1.0)),
                                   IsRecord(expected("histogram", "s", "Api:load", {{"route", "/a"}}, "observe", 2.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", {{"route", "/b"}}, "observe", 3.0)),
                                   IsRecord(expected("histogram", "s", "Api:get", {{"route", "/d"}}, "observe", 5.0))));
}

// More distinct labels than a thread keeps: the records past the bound are
// made whole, in their place among the others, and the next hand-over
// empties what the thread kept.
TEST(DeferredObservations, LabelSetsBeyondTheBoundAreRecordedWhole) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto latency = std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"user"});
  profiler().add_metric(latency);
  // Values longer than a short string's own room, so that each set is on the heap.
  const auto user = [](int i) { return "user-with-a-long-name-" + std::to_string(i); };
  const int distinct = static_cast<int>(detail::max_label_set_bytes / 32);
  std::size_t kept_at_most = 0;
  profiled(get_site, [&] {
    for (int i = 0; i < distinct; ++i) {
      latency->observe(i, {{"user", user(i)}});
      latency->observe(i, {{"user", user(0)}});
      kept_at_most = std::max(kept_at_most, detail::thread_state()->label_sets.bytes());
    }
  });

  EXPECT_GE(kept_at_most, detail::max_label_set_bytes);
  EXPECT_LT(kept_at_most, 2 * detail::max_label_set_bytes);
  EXPECT_EQ(detail::thread_state()->label_sets.bytes(), 0u);
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 2u * distinct);
  for (int i = 0; i < distinct; ++i) {
    ASSERT_THAT(records[2 * i],
                IsRecord(expected("histogram", "s", "Api:get", {{"user", user(i)}}, "observe", double(i))));
    ASSERT_THAT(records[2 * i + 1],
                IsRecord(expected("histogram", "s", "Api:get", {{"user", user(0)}}, "observe", double(i))));
  }
}

// Each thread keeps its own label sets; none sees another's.
TEST(DeferredObservations, ThreadsKeepTheirOwnLabelSets) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto latency = std::make_shared<Histogram>("latency", "EXAMPLE", "s", std::vector<std::string>{"thread", "i"});
  profiler().add_metric(latency);
  constexpr int threads = 4;
  constexpr int operations = 300;
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back([&, t] {
      profiled(get_site, [&] {
        for (int i = 0; i < operations; ++i) {
          latency->observe(t, {{"thread", std::to_string(t)}, {"i", std::to_string(i % 7)}});
        }
      });
    });
  }
  for (std::thread& thread : running) thread.join();

  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), std::size_t{threads * operations});
  std::vector<int> next_of_thread(threads, 0);
  for (const Record& record : records) {
    const int t = static_cast<int>(std::get<double>(record.value));
    const int i = next_of_thread[t]++;
    ASSERT_EQ(record.labels, (Labels{{"thread", std::to_string(t)}, {"i", std::to_string(i % 7)}}));
  }
}

}  // namespace
}  // namespace phanos
