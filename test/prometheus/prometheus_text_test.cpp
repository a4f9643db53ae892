// The lexical rules of the exposition format: names, escapes, numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "prometheus_text.hpp"

namespace phanos::prometheus {
namespace {

TEST(PrometheusText, MetricNamesKeepWhatIsValidAndReplaceTheRest) {
  EXPECT_EQ(sanitise_metric_name("time_profiler"), "time_profiler");
  EXPECT_EQ(sanitise_metric_name("ns:rule_1"), "ns:rule_1");
  EXPECT_EQ(sanitise_metric_name("phanos_items-in.queue"), "phanos_items_in_queue");
  EXPECT_EQ(sanitise_metric_name("9lives"), "_9lives");
  EXPECT_EQ(sanitise_metric_name("µs"), "__s");  // two UTF-8 bytes, each replaced
  EXPECT_EQ(sanitise_metric_name(""), "_");
}

TEST(PrometheusText, LabelNamesHaveNoColonsAndLeaveDoubleUnderscoreToPrometheus) {
  EXPECT_EQ(sanitise_label_name("error_raised"), "error_raised");
  EXPECT_EQ(sanitise_label_name("a:b c"), "a_b_c");
  EXPECT_EQ(sanitise_label_name("1st"), "_1st");
  EXPECT_EQ(sanitise_label_name("__name__"), "exported__name__");
  EXPECT_EQ(sanitise_label_name("_x"), "_x");
}

TEST(PrometheusText, LabelValuesEscapeBackslashQuoteAndNewline) {
  std::string out;
  append_escaped_label_value(out, "a\\b\"c\nd\te ü");
  EXPECT_EQ(out, "a\\\\b\\\"c\\nd\te ü");
}

TEST(PrometheusText, NumbersAreShortestRoundTripOrTheSpecialSpellings) {
  EXPECT_EQ(format_number(3), "3");
  EXPECT_EQ(format_number(0.25), "0.25");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(-7.5), "-7.5");
  EXPECT_EQ(format_number(1e21), "1e+21");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_number(std::nan("")), "NaN");
}

}  // namespace
}  // namespace phanos::prometheus
