// LoggerHandler and NamedLoggerHandler: one log message per handle() call.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>
#include <thread>

#include "phanos/spdlog.hpp"
#include "test_support.hpp"

namespace phanos {
namespace {

Record record_with_method(std::string method) {
  return Record{"Api", "histogram", "mS", "EXAMPLE", std::move(method), {{"error_raised", "False"}}, "observe", 0.25};
}

// A logger writing "[level] message|" so that message boundaries show.
std::shared_ptr<spdlog::logger> bracketing_logger(const std::string& name, std::ostringstream& out) {
  auto logger = std::make_shared<spdlog::logger>(name, std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_formatter(std::make_unique<spdlog::pattern_formatter>("[%l] %v|", spdlog::pattern_time_type::local, ""));
  logger->set_level(spdlog::level::trace);
  return logger;
}

TEST(LoggerHandler, OneMessageJoinedByNewlinesAtDebug) {
  std::ostringstream out;
  LoggerHandler handler("log", bracketing_logger("logger_handler_test.one", out));
  EXPECT_EQ(handler.handler_name(), "log");
  EXPECT_EQ(handler.level(), spdlog::level::debug);
  handler.handle({record_with_method("Api:get"), record_with_method("Api:get.child")}, "time_profiler");
  EXPECT_EQ(out.str(),
            "[debug] profiler: time_profiler, method: Api:get, value: 0.25 mS, labels: error_raised=False\n"
            "profiler: time_profiler, method: Api:get.child, value: 0.25 mS, labels: error_raised=False|");
}

TEST(LoggerHandler, LogsAtItsLevelSoTheLoggerCanFilter) {
  std::ostringstream out;
  auto logger = bracketing_logger("logger_handler_test.level", out);
  LoggerHandler info("info", logger, spdlog::level::info);
  LoggerHandler debug("debug", logger);
  logger->set_level(spdlog::level::info);
  info.handle({record_with_method("Api:get")}, "time_profiler");
  debug.handle({record_with_method("Api:hidden")}, "time_profiler");
  EXPECT_EQ(out.str(), "[info] profiler: time_profiler, method: Api:get, value: 0.25 mS, labels: error_raised=False|");
}

// Python phanos' LoggerHandler without a logger: logger PHANOS, plain lines
// on stdout, from debug up.
TEST(LoggerHandler, WithoutALoggerUsesPhanosOnStdoutAsPythonDoes) {
  LoggerHandler handler("log");
  ASSERT_NE(handler.logger(), nullptr);
  EXPECT_EQ(handler.logger()->name(), "PHANOS");
  EXPECT_EQ(handler.logger(), spdlog::get("PHANOS"));
  testing::internal::CaptureStdout();
  handler.handle({record_with_method("Api:get"), record_with_method("Api:put")}, "time_profiler");
  EXPECT_EQ(testing::internal::GetCapturedStdout(),
            "profiler: time_profiler, method: Api:get, value: 0.25 mS, labels: error_raised=False\n"
            "profiler: time_profiler, method: Api:put, value: 0.25 mS, labels: error_raised=False\n");
}

TEST(LoggerHandler, ConcurrentHandleCallsStayWholeMessages) {
  std::ostringstream out;
  LoggerHandler handler("log", bracketing_logger("logger_handler_test.threads", out));
  constexpr int thread_count = 8;
  constexpr int calls_per_thread = 100;
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      const std::vector<Record> records(3, record_with_method("Thread" + std::to_string(t) + ":run"));
      for (int i = 0; i < calls_per_thread; ++i) handler.handle(records, "time_profiler");
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::istringstream messages(out.str());
  std::string message;
  int count = 0;
  while (std::getline(messages, message, '|')) {
    const std::string line = "profiler: time_profiler, method: " + message.substr(message.find("Thread"), 11) +
                             ", value: 0.25 mS, labels: error_raised=False";
    EXPECT_EQ(message, "[debug] " + line + "\n" + line + "\n" + line);
    ++count;
  }
  EXPECT_EQ(count, thread_count * calls_per_thread);
}

TEST(NamedLoggerHandler, FindsTheLoggerInSpdlogsRegistry) {
  std::ostringstream out;
  auto logger = bracketing_logger("logger_handler_test.registered", out);
  spdlog::register_logger(logger);
  NamedLoggerHandler handler("named", "logger_handler_test.registered", spdlog::level::warn);
  EXPECT_EQ(handler.logger(), logger);
  handler.handle({record_with_method("Api:get")}, "time_profiler");
  EXPECT_EQ(out.str(),
            "[warning] profiler: time_profiler, method: Api:get, value: 0.25 mS, labels: error_raised=False|");
  spdlog::drop("logger_handler_test.registered");
}

// As a Python logger nobody configured: debug records go nowhere; warnings
// and worse are plain lines on stderr (logging's last-resort handler).
TEST(NamedLoggerHandler, AMissingLoggerBehavesAsAnUnconfiguredPythonLogger) {
  ASSERT_EQ(spdlog::get("logger_handler_test.missing"), nullptr);
  NamedLoggerHandler handler("named", "logger_handler_test.missing");
  EXPECT_EQ(handler.level(), spdlog::level::debug);
  EXPECT_EQ(spdlog::get("logger_handler_test.missing"), handler.logger());
  testing::internal::CaptureStderr();
  handler.handle({record_with_method("Api:get")}, "time_profiler");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  NamedLoggerHandler warning("warning", "logger_handler_test.missing", spdlog::level::warn);
  testing::internal::CaptureStderr();
  warning.handle({record_with_method("Api:get")}, "time_profiler");
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "profiler: time_profiler, method: Api:get, value: 0.25 mS, labels: error_raised=False\n");
  // A second handler naming it shares it.
  NamedLoggerHandler second("second", "logger_handler_test.missing");
  EXPECT_EQ(second.logger(), handler.logger());
}

TEST(LoggerHandler, RecordsFromProfiledCallsReachTheLogger) {
  std::ostringstream out;
  auto capture = test::reset_profiler(test::example_config());
  profiler().add_handler(std::make_shared<LoggerHandler>("log", bracketing_logger("logger_handler_test.calls", out)));
  static constexpr detail::Site site{"get", "Api", "Api::get", "api.cpp", 1};
  test::profiled(site, [] {});
  EXPECT_EQ(test::mask_times(out.str()), "[debug] profiler: time_profiler, method: Api:get, value: <ms> mS|");
}

}  // namespace
}  // namespace phanos
