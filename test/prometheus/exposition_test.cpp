// write_exposition: the exact text Prometheus scrapes.
#include <gtest/gtest.h>

#include "exposition.hpp"
#include "record_builder.hpp"

namespace phanos::prometheus {
namespace {

using test::info;
using test::make_record;
using test::observe;
using test::state;

std::string text_of(const MetricStore& store) {
  std::string out;
  write_exposition(out, store);
  return out;
}

TEST(Exposition, HistogramHasCumulativeBucketsSumAndCount) {
  MetricStore store({1, 2.5}, MetricNaming{});
  store.apply(observe(0.5, {{"error_raised", "false"}}));
  store.apply(observe(2, {{"error_raised", "false"}}));
  store.apply(observe(9.25, {{"error_raised", "false"}}));
  EXPECT_EQ(text_of(store),
            "# HELP time_profiler phanos histogram records, units: mS\n"
            "# TYPE time_profiler histogram\n"
            "time_profiler_bucket{job=\"app\",item=\"Service\",method=\"Service:handler\",error_raised=\"false\",le="
            "\"1\"} 1\n"
            "time_profiler_bucket{job=\"app\",item=\"Service\",method=\"Service:handler\",error_raised=\"false\",le="
            "\"2.5\"} 2\n"
            "time_profiler_bucket{job=\"app\",item=\"Service\",method=\"Service:handler\",error_raised=\"false\",le=\"+"
            "Inf\"} 3\n"
            "time_profiler_sum{job=\"app\",item=\"Service\",method=\"Service:handler\",error_raised=\"false\"} 11.75\n"
            "time_profiler_count{job=\"app\",item=\"Service\",method=\"Service:handler\",error_raised=\"false\"} 3\n");
}

TEST(Exposition, EveryOtherTypeAsPrometheusClientsWriteIt) {
  MetricStore store({1}, MetricNaming{});
  store.apply(make_record(MetricType::counter, Operation::inc, 2, {}, "S:f", "requests"));
  store.apply(make_record(MetricType::gauge, Operation::set, 3, {{"queue", "jobs"}}, "S:f", "items"));
  store.apply(make_record(MetricType::summary, Operation::observe, 1024, {}, "S:f", "bytes"));
  store.apply(info({{"version", "1.2.3"}}));
  store.apply(state("up", "S:f"));
  store.apply(state("down", "S:f"));
  EXPECT_EQ(text_of(store),
            "# HELP phanos_bytes_observations phanos summary records, units: bytes\n"
            "# TYPE phanos_bytes_observations summary\n"
            "phanos_bytes_observations_sum{job=\"app\",item=\"Service\",method=\"S:f\"} 1024\n"
            "phanos_bytes_observations_count{job=\"app\",item=\"Service\",method=\"S:f\"} 1\n"
            "# HELP phanos_info phanos info records, units: info\n"
            "# TYPE phanos_info gauge\n"
            "phanos_info{job=\"app\",item=\"Service\",method=\"Service:handler\",version=\"1.2.3\"} 1\n"
            "# HELP phanos_items phanos gauge records, units: items\n"
            "# TYPE phanos_items gauge\n"
            "phanos_items{job=\"app\",item=\"Service\",method=\"S:f\",queue=\"jobs\"} 3\n"
            "# HELP phanos_requests_total phanos counter records, units: requests\n"
            "# TYPE phanos_requests_total counter\n"
            "phanos_requests_total{job=\"app\",item=\"Service\",method=\"S:f\"} 2\n"
            "# HELP phanos_state phanos enum records, units: enum\n"
            "# TYPE phanos_state gauge\n"
            "phanos_state{job=\"app\",item=\"Service\",method=\"S:f\",phanos_state=\"up\"} 0\n"
            "phanos_state{job=\"app\",item=\"Service\",method=\"S:f\",phanos_state=\"down\"} 1\n");
}

TEST(Exposition, CounterAndInfoSuffixesAreNotRepeated) {
  MetricNaming naming;
  std::string error;
  ASSERT_TRUE(naming.add_rule("counter:calls=calls_total", error));
  ASSERT_TRUE(naming.add_rule("info:info=build", error));
  MetricStore store({1}, naming);
  store.apply(make_record(MetricType::counter, Operation::inc, 1, {}, "S:f", "calls"));
  store.apply(info({{"v", "1"}}));
  const std::string text = text_of(store);
  EXPECT_NE(text.find("# TYPE build_info gauge\nbuild_info{"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE calls_total counter\ncalls_total{"), std::string::npos) << text;
  EXPECT_EQ(text.find("_total_total"), std::string::npos) << text;
}

TEST(Exposition, LabelValuesAndHelpTextAreEscaped) {
  MetricStore store({1}, MetricNaming{});
  store.apply(make_record(MetricType::gauge, Operation::set, 1, {{"path", "C:\\dir \"x\"\nend"}}, "S:f", "a\\b\nc"));
  EXPECT_EQ(text_of(store),
            "# HELP phanos_a_b_c phanos gauge records, units: a\\\\b\\nc\n"
            "# TYPE phanos_a_b_c gauge\n"
            "phanos_a_b_c{job=\"app\",item=\"Service\",method=\"S:f\",path=\"C:\\\\dir \\\"x\\\"\\nend\"} 1\n");
}

TEST(Exposition, NothingHeldWritesNothing) { EXPECT_EQ(text_of(MetricStore({1}, MetricNaming{})), ""); }

}  // namespace
}  // namespace phanos::prometheus
