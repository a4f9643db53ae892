// phanos' own messages go through spdlog: its own "phanos" logger on
// stderr, or the logger Config::logger names.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "test_support.hpp"

namespace phanos {
namespace {

void warn_about_a_missing_metric() { profiler().delete_metric("phanos_logger_test_missing"); }

constexpr const char* expected_warning = "delete_metric: metric 'phanos_logger_test_missing' does not exist";

TEST(PhanosLogger, OwnLoggerIsPhanosOnStderr) {
  test::reset_profiler(test::example_config());
  ASSERT_NE(spdlog::get("phanos"), nullptr);
  testing::internal::CaptureStderr();
  warn_about_a_missing_metric();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "phanos: warning: " + std::string(expected_warning) + "\n");
}

TEST(PhanosLogger, ConfigLoggerNamesARegisteredLogger) {
  std::ostringstream out;
  auto logger =
      std::make_shared<spdlog::logger>("phanos_logger_test.app", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_pattern("%n %l %v");
  spdlog::register_logger(logger);
  Config config = test::example_config();
  config.logger = "phanos_logger_test.app";
  test::reset_profiler(config);

  testing::internal::CaptureStderr();
  warn_about_a_missing_metric();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(out.str(), "phanos_logger_test.app warning " + std::string(expected_warning) + "\n");

  // An empty name: back to phanos' own.
  test::reset_profiler(test::example_config());
  testing::internal::CaptureStderr();
  warn_about_a_missing_metric();
  EXPECT_THAT(testing::internal::GetCapturedStderr(), testing::StartsWith("phanos: warning: "));
  spdlog::drop("phanos_logger_test.app");
}

TEST(PhanosLogger, ConfigLoggerNotRegisteredIsCreatedOnStderr) {
  ASSERT_EQ(spdlog::get("phanos_logger_test.new"), nullptr);
  Config config = test::example_config();
  config.logger = "phanos_logger_test.new";
  test::reset_profiler(config);
  ASSERT_NE(spdlog::get("phanos_logger_test.new"), nullptr);
  testing::internal::CaptureStderr();
  warn_about_a_missing_metric();
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "phanos_logger_test.new: warning: " + std::string(expected_warning) + "\n");
  test::reset_profiler(test::example_config());
}

TEST(PhanosLogger, ErrorsOfMetricOperationsGoThroughIt) {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>("phanos_logger_test.errors",
                                                 std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_pattern("%l|%v");
  spdlog::register_logger(logger);
  Config config = test::example_config();
  config.logger = "phanos_logger_test.errors";
  test::reset_profiler(config);
  Counter counter("requests", "EXAMPLE", "n");
  EXPECT_FALSE(counter.inc(-1.0));
  EXPECT_THAT(out.str(), testing::StartsWith("error|metric 'requests'"));
  test::reset_profiler(test::example_config());
  spdlog::drop("phanos_logger_test.errors");
}

}  // namespace
}  // namespace phanos
