// Which Prometheus name a metric gets from its type and units.
#include <gtest/gtest.h>

#include "metric_naming.hpp"

namespace phanos::prometheus {
namespace {

TEST(MetricNaming, TheBuiltInMetricsKeepTheirNames) {
  const MetricNaming naming;
  EXPECT_EQ(naming.name_of(MetricType::histogram, "mS"), "time_profiler");
  EXPECT_EQ(naming.name_of(MetricType::histogram, "B"), "response_size");
}

TEST(MetricNaming, OtherMetricsAreNamedAfterUnitsWithASuffixPerType) {
  const MetricNaming naming;
  EXPECT_EQ(naming.name_of(MetricType::gauge, "items"), "phanos_items");
  EXPECT_EQ(naming.name_of(MetricType::counter, "requests"), "phanos_requests_total");
  EXPECT_EQ(naming.name_of(MetricType::histogram, "seconds"), "phanos_seconds_distribution");
  EXPECT_EQ(naming.name_of(MetricType::summary, "mS"), "phanos_mS_observations");
  EXPECT_EQ(naming.name_of(MetricType::info, "info"), "phanos_info");
  EXPECT_EQ(naming.name_of(MetricType::info, "build"), "phanos_build_info");
  EXPECT_EQ(naming.name_of(MetricType::enumeration, "enum"), "phanos_state");
  EXPECT_EQ(naming.name_of(MetricType::enumeration, "phase"), "phanos_phase_state");
  EXPECT_EQ(naming.name_of(MetricType::gauge, "items/s"), "phanos_items_s");
}

TEST(MetricNaming, RulesNameMetricsOrReplaceTheBuiltInNames) {
  MetricNaming naming;
  std::string error;
  ASSERT_TRUE(naming.add_rule("gauge:items=queue_length", error)) << error;
  ASSERT_TRUE(naming.add_rule("histogram:mS=call-duration", error)) << error;
  EXPECT_EQ(naming.name_of(MetricType::gauge, "items"), "queue_length");
  EXPECT_EQ(naming.name_of(MetricType::histogram, "mS"), "call_duration");
  EXPECT_EQ(naming.name_of(MetricType::counter, "items"), "phanos_items_total");
}

TEST(MetricNaming, MalformedRulesAreRefusedWithTheReason) {
  MetricNaming naming;
  std::string error;
  EXPECT_FALSE(naming.add_rule("gauge=items", error));
  EXPECT_NE(error.find("TYPE:UNITS=NAME"), std::string::npos);
  EXPECT_FALSE(naming.add_rule("gauge:items=", error));
  EXPECT_FALSE(naming.add_rule("meter:items=x", error));
  EXPECT_NE(error.find("unknown metric type \"meter\""), std::string::npos);
}

}  // namespace
}  // namespace phanos::prometheus
