// method_timings(): the time_profiler histograms per job and method, other
// labels added up; timings_between(): what happened between two of them.
#include <gtest/gtest.h>

#include "method_timings.hpp"
#include "record_builder.hpp"

namespace phanos::prometheus {
namespace {

using test::make_record;
using test::observe;

TEST(MethodTimings, AddsUpTheSeriesOfAMethodAndCountsTheRaisedOnes) {
  MetricStore store({1, 5}, MetricNaming{});
  store.apply(observe(0.5, {{"error_raised", "false"}}, "Service:handle"));
  store.apply(observe(3, {{"error_raised", "true"}}, "Service:handle"));
  store.apply(observe(7, {{"error_raised", "false"}, {"region", "eu"}}, "Service:handle"));
  store.apply(observe(2, {}, "Service:handle.child"));
  const MethodTimings timings = method_timings(store);
  ASSERT_EQ(timings.size(), 1u);
  const MethodTiming& handle = timings.at("app").at("Service:handle");
  EXPECT_EQ(handle.count, 3u);
  EXPECT_EQ(handle.errors, 1u);
  EXPECT_DOUBLE_EQ(handle.total, 10.5);
  EXPECT_EQ(handle.bucket_counts, (std::vector<std::uint64_t>{1, 1, 1}));
  EXPECT_EQ(timings.at("app").at("Service:handle.child").count, 1u);
}

TEST(MethodTimings, OnlyTimeProfilersHistogramsCountWhateverTheirName) {
  MetricNaming naming;
  naming.name(MetricType::histogram, "mS", "request_time");
  MetricStore store({1}, naming);
  store.apply(observe(1));
  store.apply(make_record(MetricType::histogram, Operation::observe, 100, {}, "Service:handler", "B"));
  store.apply(make_record(MetricType::summary, Operation::observe, 4, {}, "Service:handler", "mS"));
  const MethodTimings timings = method_timings(store);
  EXPECT_EQ(timings.at("app").at("Service:handler").count, 1u);
}

TEST(MethodTimings, BetweenTwoTimesKeepsOnlyMethodsCalledMeanwhile) {
  const JobTimings earlier{{"S:a", {{1, 1}, 3, 2, 1}}, {"S:b", {{1, 0}, 1, 1, 0}}};
  const JobTimings later{{"S:a", {{3, 1}, 6, 4, 1}}, {"S:b", {{1, 0}, 1, 1, 0}}, {"S:c", {{0, 1}, 9, 1, 1}}};
  const JobTimings between = timings_between(later, earlier);
  ASSERT_EQ(between.size(), 2u);
  EXPECT_EQ(between.at("S:a").bucket_counts, (std::vector<std::uint64_t>{2, 0}));
  EXPECT_DOUBLE_EQ(between.at("S:a").total, 3);
  EXPECT_EQ(between.at("S:a").count, 2u);
  EXPECT_EQ(between.at("S:a").errors, 0u);
  EXPECT_EQ(between.at("S:c").count, 1u);
}

}  // namespace
}  // namespace phanos::prometheus
