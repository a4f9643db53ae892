// CallTreeApi: GET /api/tree's JSON and its errors (docs/call-tree.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "call_tree_api.hpp"
#include "record_builder.hpp"

namespace phanos::prometheus {
namespace {

using nlohmann::json;
using test::observe;

const SteadyTime start{};

IncomingRecord of_job(IncomingRecord record, std::string job) {
  record.job = std::move(job);
  return record;
}

MetricStore store_with_calls() {
  MetricStore store({1, 5}, MetricNaming{});
  store.apply(observe(3, {{"error_raised", "false"}}, "Service:handle"));
  store.apply(observe(4, {{"error_raised", "true"}}, "Service:handle"));
  store.apply(observe(2, {{"error_raised", "true"}}, "Service:handle.child"));
  store.apply(of_job(observe(1, {}, "Batch:run"), "batch"));
  return store;
}

TEST(CallTreeApi, AnswersTheJobsTreeWithEveryFigure) {
  const MetricStore store = store_with_calls();
  const CallTreeApi api(start);
  const HttpAnswer answer = api.answer("job=app&window=all", store, start + std::chrono::seconds(30));
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.content_type, "application/json");
  const json tree = json::parse(answer.body);
  EXPECT_EQ(tree["job"], "app");
  EXPECT_EQ(tree["jobs"], json({"app", "batch"}));
  EXPECT_EQ(tree["window"], "all");
  EXPECT_EQ(tree["windows"], json({"all", "1m", "5m", "15m"}));
  EXPECT_EQ(tree["window_seconds"], 30.0);
  EXPECT_EQ(tree["unit"], "ms");
  ASSERT_EQ(tree["roots"].size(), 1u);
  const json& handle = tree["roots"][0];
  EXPECT_EQ(handle["name"], "Service:handle");
  EXPECT_EQ(handle["path"], "Service:handle");
  EXPECT_EQ(handle["count"], 2);
  EXPECT_EQ(handle["errors"], 1);
  EXPECT_EQ(handle["error_share"], 0.5);
  EXPECT_EQ(handle["total"], 7.0);
  EXPECT_EQ(handle["self"], 5.0);
  EXPECT_EQ(handle["mean"], 3.5);
  EXPECT_EQ(handle["p50"], 3.0);  // rank 1, both calls in (1, 5]: 1 + 4 × 1 / 2
  ASSERT_EQ(handle["children"].size(), 1u);
  EXPECT_EQ(handle["children"][0]["path"], "Service:handle.child");
  EXPECT_EQ(handle["children"][0]["error_share"], 1.0);
  EXPECT_EQ(handle["children"][0]["children"], json::array());
}

TEST(CallTreeApi, WithoutParametersTheFirstJobSinceTheStart) {
  const MetricStore store = store_with_calls();
  const json tree = json::parse(CallTreeApi(start).answer("", store, start).body);
  EXPECT_EQ(tree["job"], "app");
  EXPECT_EQ(tree["window"], "all");
}

TEST(CallTreeApi, ACallerWithoutCallsOfItsOwnHasNullFigures) {
  MetricStore store({1}, MetricNaming{});
  store.apply(observe(2, {}, "Worker:run.step"));
  const json root = json::parse(CallTreeApi(start).answer("", store, start).body)["roots"][0];
  EXPECT_EQ(root["count"], 0);
  EXPECT_TRUE(root["mean"].is_null());
  EXPECT_TRUE(root["p99"].is_null());
  EXPECT_TRUE(root["error_share"].is_null());
}

TEST(CallTreeApi, AWindowCountsOnlyTheCallsWithinIt) {
  MetricStore store({1}, MetricNaming{});
  CallTreeApi api(start);
  store.apply(observe(2, {}, "S:f"));
  api.snapshot_if_due(store, start + std::chrono::seconds(15));
  store.apply(observe(2, {}, "S:f"));
  const auto count_in = [&](const char* window) {
    const json tree =
        json::parse(api.answer(std::string("window=") + window, store, start + std::chrono::seconds(75)).body);
    return tree["roots"][0]["count"].get<int>();
  };
  EXPECT_EQ(count_in("1m"), 1);
  EXPECT_EQ(count_in("all"), 2);
}

TEST(CallTreeApi, AnUnknownJobIs404AndAnUnknownWindow400WithWhatThereIs) {
  const MetricStore store = store_with_calls();
  const CallTreeApi api(start);
  const HttpAnswer job = api.answer("job=nobody", store, start);
  EXPECT_EQ(job.status, 404);
  EXPECT_EQ(json::parse(job.body)["error"], "unknown job \"nobody\": jobs seen are [\"app\",\"batch\"]");
  const HttpAnswer window = api.answer("job=app&window=2m", store, start);
  EXPECT_EQ(window.status, 400);
  EXPECT_EQ(json::parse(window.body)["error"], "unknown window \"2m\": expected one of all, 1m, 5m, 15m");
}

TEST(CallTreeApi, NamesThatAreNotUtf8DoNotFailTheAnswer) {
  const MetricStore store = store_with_calls();
  const HttpAnswer answer = CallTreeApi(start).answer("job=%FF", store, start);
  EXPECT_EQ(answer.status, 404);
  EXPECT_NO_THROW(static_cast<void>(json::parse(answer.body)));
}

}  // namespace
}  // namespace phanos::prometheus
