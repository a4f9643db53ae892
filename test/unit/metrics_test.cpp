// Every basic metric, valid and invalid operations. The scenario mirrors
// test/reference/python/metrics.txt (Python records them in before_root_func,
// i.e. inside the root call, as the body does here).

#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include <cmath>
#include <sstream>

#include "test_support.hpp"

namespace phanos {
namespace {

using test::profiled;
using testing::HasSubstr;

constexpr detail::Site get_site{"get", "Api", "Api::get", "api.cpp", 1};

TEST(Metrics, ReferenceScenarioProducesPythonText) {
  test::reset_profiler(test::example_config());
  std::ostringstream text;
  profiler().add_handler(std::make_shared<StreamHandler>("text", text));
  auto requests = std::make_shared<Counter>("requests", "EXAMPLE", "count", std::vector<std::string>{"route"});
  auto temperature = std::make_shared<Gauge>("temperature", "EXAMPLE", "C");
  auto state = std::make_shared<Enum>("state", "EXAMPLE", std::vector<std::string>{"up", "down"});
  auto build = std::make_shared<Info>("build", "EXAMPLE");
  auto latency = std::make_shared<Summary>("latency", "EXAMPLE", "s");
  auto payload = std::make_shared<Histogram>("payload", "EXAMPLE", "B", std::vector<std::string>{"kind", "zone"});
  for (std::shared_ptr<Metric> metric :
       std::vector<std::shared_ptr<Metric>>{requests, temperature, state, build, latency, payload}) {
    profiler().add_metric(metric);
  }

  testing::internal::CaptureStderr();
  profiled(get_site, [&] {
    EXPECT_TRUE(requests->inc(1.0, {{"route", "/a"}}));
    EXPECT_FALSE(requests->inc(-1.0, {{"route", "/a"}}));
    EXPECT_FALSE(requests->inc(1.0, {{"wrong", "x"}}));
    EXPECT_TRUE(temperature->inc(2.0));
    EXPECT_TRUE(temperature->dec(1.0));
    EXPECT_TRUE(temperature->set(5.5));
    EXPECT_FALSE(temperature->dec(-2.0));
    EXPECT_TRUE(state->state("up"));
    EXPECT_FALSE(state->state("sideways"));
    EXPECT_TRUE(build->info({{"version", "1.2.3"}, {"commit", "abc"}}));
    EXPECT_TRUE(latency->observe(0.25));
    EXPECT_TRUE(payload->observe(1024.0, {{"kind", "json"}, {"zone", "eu"}}));
    return std::string("x");
  });
  const std::string errors = testing::internal::GetCapturedStderr();

  EXPECT_EQ(test::mask_times(text.str()),
            "profiler: time_profiler, method: Api:get, value: <ms> mS\n"
            "profiler: requests, method: Api:get, value: 1.0 count, labels: route=/a\n"
            "profiler: temperature, method: Api:get, value: 2.0 C\n"
            "profiler: temperature, method: Api:get, value: 1.0 C\n"
            "profiler: temperature, method: Api:get, value: 5.5 C\n"
            "profiler: state, method: Api:get, value: up enum\n"
            "profiler: build, method: Api:get, value: {'version': '1.2.3', 'commit': 'abc'} info\n"
            "profiler: latency, method: Api:get, value: 0.25 s\n"
            "profiler: payload, method: Api:get, value: 1024.0 B, labels: kind=json, zone=eu\n");
  EXPECT_THAT(errors, HasSubstr("metric 'requests' (counter.inc): accepts only values >= 0"));
  EXPECT_THAT(errors, HasSubstr("metric 'requests' (counter.inc): expected labels {route}, labels given {wrong}"));
  EXPECT_THAT(errors, HasSubstr("metric 'temperature' (gauge.dec): accepts only values >= 0"));
  EXPECT_THAT(errors, HasSubstr("metric 'state' (enum.state): accepts only values in {up, down}"));
}

TEST(Metrics, RecordFieldsComeFromTheMetricAndTheCall) {
  auto capture = test::reset_profiler(test::example_config(false, /*time_profile=*/false));
  auto gauge = std::make_shared<Gauge>("queue_depth", "OTHER_JOB", "items", std::vector<std::string>{"queue"});
  profiler().add_metric(gauge);
  profiled(get_site, [&] { gauge->set(3.0, {{"queue", "jobs"}}); });

  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].profiler_name, "queue_depth");
  ASSERT_EQ(calls[0].records.size(), 1u);
  const Record& record = calls[0].records[0];
  EXPECT_EQ(record.item, "Api");
  EXPECT_EQ(record.metric, "gauge");
  EXPECT_EQ(record.units, "items");
  EXPECT_EQ(record.job, "OTHER_JOB");
  EXPECT_EQ(record.method, "Api:get");
  EXPECT_EQ(record.labels, (Labels{{"queue", "jobs"}}));
  EXPECT_EQ(record.operation, "set");
  EXPECT_EQ(std::get<double>(record.value), 3.0);
}

TEST(Metrics, LabelNamesCompareAsSetsAndKeepTheGivenOrder) {
  auto capture = test::reset_profiler(test::example_config(true, false));
  auto payload = std::make_shared<Histogram>("payload", "EXAMPLE", "B", std::vector<std::string>{"kind", "zone"});
  profiler().add_metric(payload);
  testing::internal::CaptureStderr();
  profiled(get_site, [&] {
    EXPECT_TRUE(payload->observe(1.0, {{"zone", "eu"}, {"kind", "json"}}));
    EXPECT_FALSE(payload->observe(2.0, {{"zone", "eu"}}));
    EXPECT_FALSE(payload->observe(3.0, {{"zone", "eu"}, {"kind", "json"}, {"extra", "x"}}));
    EXPECT_FALSE(payload->observe(4.0, {{"zone", "eu"}, {"zone", "us"}, {"kind", "json"}}));
  });
  testing::internal::GetCapturedStderr();

  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].labels, (Labels{{"zone", "eu"}, {"kind", "json"}, {"error_raised", "false"}}));
}

// Beyond the handful of labels checked on the stack, the same rules hold.
TEST(Metrics, ManyLabelNamesCompareAsSetsToo) {
  auto capture = test::reset_profiler(test::example_config(true, false));
  std::vector<std::string> names;
  Labels given;
  for (int i = 0; i < 40; ++i) names.push_back("label_" + std::to_string(i));
  for (auto it = names.rbegin(); it != names.rend(); ++it) given.emplace_back(*it, "v");
  auto wide = std::make_shared<Histogram>("wide", "EXAMPLE", "B", names);
  profiler().add_metric(wide);
  Labels duplicated = given;
  duplicated.back().first = duplicated.front().first;
  Labels missing(given.begin() + 1, given.end());
  testing::internal::CaptureStderr();
  profiled(get_site, [&] {
    EXPECT_TRUE(wide->observe(1.0, given));
    EXPECT_FALSE(wide->observe(2.0, duplicated));
    EXPECT_FALSE(wide->observe(3.0, missing));
  });
  testing::internal::GetCapturedStderr();
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].labels.size(), 41u);  // error_raised added last
}

TEST(Metrics, OutsideProfiledCallsRecordsAgainstEmptyMethod) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto outside = std::make_shared<Histogram>("outside", "EXAMPLE", "n");
  profiler().add_metric(outside);
  EXPECT_TRUE(outside->observe(2.0));
  EXPECT_TRUE(capture->calls().empty());  // waits for the next hand-over

  profiled(get_site, [&] { outside->observe(3.0); });
  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), 1u);
  ASSERT_EQ(calls[0].records.size(), 2u);
  EXPECT_EQ(calls[0].records[0].method, "");
  EXPECT_EQ(calls[0].records[0].item, "");
  EXPECT_EQ(calls[0].records[1].method, "Api:get");
}

TEST(Metrics, InvalidValuesAreRejected) {
  test::reset_profiler(test::example_config());
  Counter counter("c", "EXAMPLE", "n");
  Gauge gauge("g", "EXAMPLE", "n");
  Info info("i", "EXAMPLE");
  testing::internal::CaptureStderr();
  EXPECT_FALSE(counter.inc(std::nan("")));
  EXPECT_FALSE(gauge.inc(-0.5));
  EXPECT_TRUE(gauge.set(-0.5));
  EXPECT_FALSE(info.info({{"k", "a"}, {"k", "b"}}));
  testing::internal::GetCapturedStderr();
}

// prometheus_client's Info raises "Overlapping labels" for such keys.
TEST(Metrics, InfoKeysMustNotBeLabelNamesOfTheMetric) {
  auto capture = test::reset_profiler(test::example_config());
  auto build = std::make_shared<Info>("build", "EXAMPLE", "info", std::vector<std::string>{"region"});
  profiler().add_metric(build);
  testing::internal::CaptureStderr();
  EXPECT_FALSE(build->info({{"version", "1"}, {"region", "eu"}}, {{"region", "us"}}));
  const std::string log = testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("metric 'build' (info.info): accepts only values whose keys are not label names of the metric"),
            std::string::npos)
      << log;
  EXPECT_TRUE(build->info({{"version", "1"}, {"commit", "abc"}}, {{"region", "us"}}));
  profiler().flush();
  ASSERT_EQ(capture->all_records().size(), 1u);
}

TEST(Metrics, DefaultUnitsAndTypes) {
  EXPECT_EQ(Info("i", "J").units(), "info");
  EXPECT_EQ(Enum("e", "J", {"a"}).units(), "enum");
  EXPECT_EQ(TimeProfiler("time_profiler", "J").units(), "mS");
  EXPECT_EQ(ResponseSize("response_size", "J").units(), "B");
  EXPECT_EQ(TimeProfiler("time_profiler", "J").metric_type(), "histogram");
  EXPECT_EQ(Summary("s", "J", "u").metric_type(), "summary");
  EXPECT_EQ(Counter("c", "J", "u").metric_type(), "counter");
  EXPECT_EQ(Gauge("g", "J", "u").metric_type(), "gauge");
  EXPECT_EQ(Enum("e", "J", {"a"}).metric_type(), "enum");
  EXPECT_EQ(Info("i", "J").metric_type(), "info");
}

class CountingCleanup : public Histogram {
 public:
  using Histogram::Histogram;
  void cleanup() override { ++cleanups; }
  int cleanups = 0;
};

TEST(Metrics, CleanupRunsAfterEachHandOver) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  auto metric = std::make_shared<CountingCleanup>("custom", "EXAMPLE", "n");
  profiler().add_metric(metric);
  int cleanups_seen_by_handler = -1;
  class Peek : public Handler {
   public:
    Peek(CountingCleanup& metric, int& seen) : Handler("peek"), metric_(metric), seen_(seen) {}
    void handle(const std::vector<Record>&, std::string_view) override { seen_ = metric_.cleanups; }

   private:
    CountingCleanup& metric_;
    int& seen_;
  };
  profiler().add_handler(std::make_shared<Peek>(*metric, cleanups_seen_by_handler));
  profiled(get_site, [&] { metric->observe(1.0); });
  profiled(get_site, [&] { metric->observe(1.0); });
  EXPECT_EQ(cleanups_seen_by_handler, 1);
  EXPECT_EQ(metric->cleanups, 2);
}

}  // namespace
}  // namespace phanos
