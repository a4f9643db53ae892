// Expected lines are copied from test/reference/python/*.txt (Python phanos).

#include <gtest/gtest.h>

#include "phanos/phanos.hpp"

namespace phanos {
namespace {

Record api_get(std::string metric, std::string units, std::string operation, RecordValue value, Labels labels = {}) {
  return Record{"Api",     std::move(metric), std::move(units),     "EXAMPLE",
                "Api:get", std::move(labels), std::move(operation), std::move(value)};
}

TEST(ToText, NumberWithoutLabels) {
  EXPECT_EQ(to_text(api_get("gauge", "C", "set", 5.5), "temperature"),
            "profiler: temperature, method: Api:get, value: 5.5 C");
  EXPECT_EQ(to_text(api_get("summary", "s", "observe", 0.25), "latency"),
            "profiler: latency, method: Api:get, value: 0.25 s");
}

TEST(ToText, LabelsInTheOrderGiven) {
  EXPECT_EQ(to_text(api_get("histogram", "B", "observe", 1024.0, {{"kind", "json"}, {"zone", "eu"}}), "payload"),
            "profiler: payload, method: Api:get, value: 1024.0 B, labels: kind=json, zone=eu");
  EXPECT_EQ(to_text(api_get("counter", "count", "inc", 1.0, {{"route", "/a"}}), "requests"),
            "profiler: requests, method: Api:get, value: 1.0 count, labels: route=/a");
}

TEST(ToText, ErrorRaisedPrintsAsPythonBool) {
  Record record{"Service", "histogram", "mS", "EXAMPLE", "Service:handler.failing_child", {{"error_raised", "true"}},
                "observe", 12.34};
  EXPECT_EQ(to_text(record, "time_profiler"),
            "profiler: time_profiler, method: Service:handler.failing_child, value: 12.34 mS, "
            "labels: error_raised=True");
  record.labels = {{"queue", "jobs"}, {"error_raised", "false"}};
  EXPECT_EQ(to_text(record, "time_profiler"),
            "profiler: time_profiler, method: Service:handler.failing_child, value: 12.34 mS, "
            "labels: queue=jobs, error_raised=False");
}

TEST(ToText, OtherLabelsNamedTrueStayAsGiven) {
  const Record record = api_get("counter", "count", "inc", 1.0, {{"flag", "true"}});
  EXPECT_EQ(to_text(record, "requests"), "profiler: requests, method: Api:get, value: 1.0 count, labels: flag=true");
}

TEST(ToText, EnumValuePrintsPlain) {
  EXPECT_EQ(to_text(api_get("enum", "enum", "state", std::string("up")), "state"),
            "profiler: state, method: Api:get, value: up enum");
}

TEST(ToText, InfoValuePrintsAsPythonDict) {
  const Labels info{{"version", "1.2.3"}, {"commit", "abc"}};
  EXPECT_EQ(to_text(api_get("info", "info", "info", info), "build"),
            "profiler: build, method: Api:get, value: {'version': '1.2.3', 'commit': 'abc'} info");
}

TEST(ToText, OutsideProfiledCallsMethodIsEmpty) {
  const Record record{"", "histogram", "n", "EXAMPLE", "", {}, "observe", 2.0};
  EXPECT_EQ(to_text(record, "outside"), "profiler: outside, method: , value: 2.0 n");
}

}  // namespace
}  // namespace phanos
