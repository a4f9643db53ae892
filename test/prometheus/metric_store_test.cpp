// MetricStore: aggregation per series, and the bounds on cardinality.
#include <gtest/gtest.h>

#include "metric_store.hpp"
#include "record_builder.hpp"

namespace phanos::prometheus {
namespace {

using test::info;
using test::make_record;
using test::observe;
using test::state;

const LabelPairs handler{{"job", "app"}, {"item", "Service"}, {"method", "Service:handler"}};

LabelPairs with(LabelPairs labels, const LabelPairs& more) {
  labels.insert(labels.end(), more.begin(), more.end());
  return labels;
}

const SeriesValue& series(const MetricStore& store, const std::string& metric, const LabelPairs& labels) {
  return store.families().at(metric).series.at(labels);
}

TEST(MetricStore, HistogramsCountObservationsPerBucket) {
  MetricStore store({1, 5}, MetricNaming{});
  for (double ms : {0.5, 1.0, 3.0, 5.0, 7.0})
    EXPECT_EQ(store.apply(observe(ms)).outcome, MetricStore::Outcome::applied);
  const auto& distribution = std::get<Distribution>(series(store, "time_profiler", handler));
  EXPECT_EQ(distribution.bucket_counts, (std::vector<std::uint64_t>{2, 2, 1}));  // le=1 takes 1.0 itself
  EXPECT_DOUBLE_EQ(distribution.sum, 16.5);
  EXPECT_EQ(distribution.count, 5u);
}

// The second record of a series takes the store's shortcut (series_cache.hpp):
// a copy of the store must count on its own series, not the original's.
TEST(MetricStore, ACopyCountsOnItsOwnSeries) {
  MetricStore original({1, 5}, MetricNaming{});
  original.apply(observe(0.5));
  original.apply(observe(0.5));
  MetricStore copy = original;
  EXPECT_EQ(copy.apply(observe(3.0)).metric, "time_profiler");
  EXPECT_EQ(std::get<Distribution>(series(original, "time_profiler", handler)).count, 2u);
  EXPECT_EQ(std::get<Distribution>(series(copy, "time_profiler", handler)).count, 3u);
  original.apply(observe(7.0));
  EXPECT_EQ(std::get<Distribution>(series(original, "time_profiler", handler)).bucket_counts,
            (std::vector<std::uint64_t>{2, 0, 1}));
  EXPECT_EQ(std::get<Distribution>(series(copy, "time_profiler", handler)).bucket_counts,
            (std::vector<std::uint64_t>{2, 1, 0}));
}

TEST(MetricStore, SummariesKeepSumAndCountOnly) {
  MetricStore store({1, 5}, MetricNaming{});
  store.apply(make_record(MetricType::summary, Operation::observe, 2));
  store.apply(make_record(MetricType::summary, Operation::observe, 3));
  const auto& distribution = std::get<Distribution>(series(store, "phanos_items_observations", handler));
  EXPECT_TRUE(distribution.bucket_counts.empty());
  EXPECT_DOUBLE_EQ(distribution.sum, 5);
  EXPECT_EQ(distribution.count, 2u);
}

TEST(MetricStore, CountersAddAndGaugesIncDecSet) {
  MetricStore store({1}, MetricNaming{});
  store.apply(make_record(MetricType::counter, Operation::inc, 2));
  store.apply(make_record(MetricType::counter, Operation::inc, 0.5));
  EXPECT_DOUBLE_EQ(std::get<double>(series(store, "phanos_items_total", handler)), 2.5);
  store.apply(make_record(MetricType::gauge, Operation::inc, 4));
  store.apply(make_record(MetricType::gauge, Operation::dec, 1));
  EXPECT_DOUBLE_EQ(std::get<double>(series(store, "phanos_items", handler)), 3);
  store.apply(make_record(MetricType::gauge, Operation::set, -2));
  store.apply(make_record(MetricType::gauge, Operation::inc, 0.5));
  EXPECT_DOUBLE_EQ(std::get<double>(series(store, "phanos_items", handler)), -1.5);
}

TEST(MetricStore, SeriesAreTellApartByMethodAndLabels) {
  MetricStore store({1}, MetricNaming{});
  store.apply(observe(1, {{"error_raised", "false"}}));
  store.apply(observe(1, {{"error_raised", "true"}}));
  store.apply(observe(1, {{"error_raised", "true"}}, "Service:handler.child"));
  store.apply(observe(1, {{"error_raised", "true"}}));
  EXPECT_EQ(store.families().at("time_profiler").series.size(), 3u);
  EXPECT_EQ(store.series_count(), 3u);
  EXPECT_EQ(std::get<Distribution>(series(store, "time_profiler", with(handler, {{"error_raised", "true"}}))).count,
            2u);
}

TEST(MetricStore, InfoKeepsTheLatestValue) {
  MetricStore store({1}, MetricNaming{});
  store.apply(info({{"version", "1.0"}}));
  store.apply(info({{"version", "1.1"}, {"commit", "abc"}}));
  EXPECT_EQ(std::get<InfoValue>(series(store, "phanos_info", handler)),
            (InfoValue{{"version", "1.1"}, {"commit", "abc"}}));
}

TEST(MetricStore, EnumsRememberEveryStateSeenAndTheCurrentOne) {
  MetricStore store({1}, MetricNaming{});
  store.apply(state("starting"));
  store.apply(state("up"));
  store.apply(state("starting"));
  const auto& states = std::get<EnumStates>(series(store, "phanos_state", handler));
  EXPECT_EQ(states.seen, (std::vector<std::string>{"starting", "up"}));
  EXPECT_EQ(states.current, "starting");
}

TEST(MetricStore, LabelsAreSanitisedAndClashesRenamedAsPrometheusDoes) {
  MetricStore store({1}, MetricNaming{});
  store.apply(observe(1, {{"job", "other"}, {"le", "x"}, {"queue-name", "q"}, {"__meta", "m"}}));
  EXPECT_EQ(
      store.families().at("time_profiler").series.begin()->first,
      with(handler, {{"exported_job", "other"}, {"exported_le", "x"}, {"queue_name", "q"}, {"exported__meta", "m"}}));
  store.apply(info({{"method", "m"}, {"version", "1"}}));
  EXPECT_EQ(std::get<InfoValue>(series(store, "phanos_info", handler)),
            (InfoValue{{"exported_method", "m"}, {"version", "1"}}));
}

TEST(MetricStore, LabelsThatStillClashAfterRenamingRejectTheRecord) {
  MetricStore store({1}, MetricNaming{});
  const MetricStore::Result result = store.apply(observe(1, {{"a-b", "1"}, {"exported_a_b", "2"}, {"a.b", "3"}}));
  EXPECT_EQ(result.outcome, MetricStore::Outcome::rejected);
  EXPECT_EQ(result.rejection.reason, RejectReason::wrong_shape);
  EXPECT_EQ(store.series_count(), 0u);
}

TEST(MetricStore, ASeriesCapDropsNewSeriesButKeepsUpdatingExistingOnes) {
  StoreLimits limits;
  limits.max_series_per_metric = 2;
  MetricStore store({1}, MetricNaming{}, limits);
  EXPECT_EQ(store.apply(observe(1, {}, "A:a")).outcome, MetricStore::Outcome::applied);
  EXPECT_EQ(store.apply(observe(1, {}, "A:b")).outcome, MetricStore::Outcome::applied);
  const MetricStore::Result dropped = store.apply(observe(1, {}, "A:c"));
  EXPECT_EQ(dropped.outcome, MetricStore::Outcome::series_dropped);
  EXPECT_EQ(dropped.metric, "time_profiler");
  EXPECT_EQ(store.apply(observe(1, {}, "A:a")).outcome, MetricStore::Outcome::applied);
  // Other metrics have caps of their own.
  EXPECT_EQ(store.apply(make_record(MetricType::gauge, Operation::set, 1, {}, "A:c")).outcome,
            MetricStore::Outcome::applied);
  EXPECT_EQ(store.families().at("time_profiler").series.size(), 2u);
  EXPECT_EQ(store.series_count(), 3u);
}

TEST(MetricStore, EnumStatesCountAgainstTheCap) {
  StoreLimits limits;
  limits.max_series_per_metric = 2;
  MetricStore store({1}, MetricNaming{}, limits);
  EXPECT_EQ(store.apply(state("a")).outcome, MetricStore::Outcome::applied);
  EXPECT_EQ(store.apply(state("b")).outcome, MetricStore::Outcome::applied);
  EXPECT_EQ(store.apply(state("c")).outcome, MetricStore::Outcome::series_dropped);
  EXPECT_EQ(std::get<EnumStates>(series(store, "phanos_state", handler)).current, "b");
}

TEST(MetricStore, TheNumberOfMetricsIsBoundedToo) {
  StoreLimits limits;
  limits.max_metrics = 2;
  MetricStore store({1}, MetricNaming{}, limits);
  store.apply(make_record(MetricType::gauge, Operation::set, 1, {}, "A:a", "one"));
  store.apply(make_record(MetricType::gauge, Operation::set, 1, {}, "A:a", "two"));
  const MetricStore::Result result = store.apply(make_record(MetricType::gauge, Operation::set, 1, {}, "A:a", "three"));
  EXPECT_EQ(result.outcome, MetricStore::Outcome::rejected);
  EXPECT_EQ(result.rejection.reason, RejectReason::too_many_metrics);
  EXPECT_EQ(store.families().size(), 2u);
}

TEST(MetricStore, ANameTakenByAnotherTypeRejectsTheRecord) {
  MetricNaming naming;
  std::string error;
  ASSERT_TRUE(naming.add_rule("gauge:items=time_profiler", error));
  MetricStore store({1}, naming);
  store.apply(observe(1));
  const MetricStore::Result result = store.apply(make_record(MetricType::gauge, Operation::set, 1));
  EXPECT_EQ(result.outcome, MetricStore::Outcome::rejected);
  EXPECT_EQ(result.rejection.reason, RejectReason::type_conflict);
}

// phanos-collector's state file: a store goes on from the series another left.
TEST(MetricStore, RestoredItCountsOnTheSeriesItWasGiven) {
  MetricStore saved({1, 5}, MetricNaming{});
  saved.apply(observe(0.5));
  saved.apply(make_record(MetricType::gauge, Operation::set, 4));
  MetricStore store({1, 5}, MetricNaming{});
  store.apply(observe(3.0));  // replaced, and the shortcut to its series forgotten
  store.apply(observe(3.0));
  EXPECT_EQ(store.restore(saved.bucket_bounds(), saved.families()), std::nullopt);
  EXPECT_EQ(store.series_count(), 2u);
  store.apply(observe(3.0));
  EXPECT_EQ(std::get<Distribution>(series(store, "time_profiler", handler)).bucket_counts,
            (std::vector<std::uint64_t>{1, 1, 0}));
  EXPECT_EQ(std::get<double>(series(store, "phanos_items", handler)), 4);
}

TEST(MetricStore, WhatAStoreOfOtherOptionsLeftIsRefusedAndChangesNothing) {
  MetricStore saved({1, 5}, MetricNaming{});
  saved.apply(observe(0.5));
  saved.apply(make_record(MetricType::gauge, Operation::set, 4, {}, "Service:a"));
  saved.apply(make_record(MetricType::gauge, Operation::set, 4, {}, "Service:b"));

  MetricStore other_buckets({1, 2}, MetricNaming{});
  EXPECT_EQ(other_buckets.restore(saved.bucket_bounds(), saved.families()), "histogram bucket bounds 1,5, not 1,2");
  EXPECT_EQ(other_buckets.series_count(), 0u);

  MetricNaming renamed;
  renamed.name(MetricType::gauge, "items", "queue_depth");
  EXPECT_EQ(MetricStore({1, 5}, renamed).restore(saved.bucket_bounds(), saved.families()),
            "metric phanos_items (gauge in \"items\"), which is named queue_depth here");

  StoreLimits one_series;
  one_series.max_series_per_metric = 1;
  EXPECT_EQ(MetricStore({1, 5}, MetricNaming{}, one_series).restore(saved.bucket_bounds(), saved.families()),
            "metric phanos_items with 2 series, more than 1");

  StoreLimits one_metric;
  one_metric.max_metrics = 1;
  EXPECT_EQ(MetricStore({1, 5}, MetricNaming{}, one_metric).restore(saved.bucket_bounds(), saved.families()),
            "2 metrics, more than 1");

  auto families = saved.families();
  std::get<Distribution>(families.at("time_profiler").series.at(handler)).bucket_counts.pop_back();
  EXPECT_EQ(MetricStore({1, 5}, MetricNaming{}).restore(saved.bucket_bounds(), families),
            "a series of metric time_profiler with 2 bucket counts");
  families = saved.families();
  families.at("time_profiler").series.at(handler) = 1.0;
  EXPECT_EQ(MetricStore({1, 5}, MetricNaming{}).restore(saved.bucket_bounds(), families),
            "a series of metric time_profiler with a value of another type");
}

}  // namespace
}  // namespace phanos::prometheus
