// dict_config with valid configurations: the same profiler as config() and
// add_handler() give, Python's spellings, stream outputs, warnings.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include "config_support.hpp"
#include "phanos/handlers/named_logger_handler.hpp"

namespace phanos {
namespace {

using test::forget_everything;
using test::profiler_state;
using testing::HasSubstr;

struct Shape {
  std::string name;
  std::string json;
  std::function<void()> in_code;  // what the JSON stands for, with config() and add_handler()
};

void PrintTo(const Shape& shape, std::ostream* out) { *out << shape.json; }

Config job_config(bool time_profile = true, bool response_size_profile = false, bool handle_records = true,
                  bool error_raised_label = false, std::string logger = "") {
  Config config;
  config.job = "shop";
  config.logger = std::move(logger);
  config.time_profile = time_profile;
  config.response_size_profile = response_size_profile;
  config.handle_records = handle_records;
  config.error_raised_label = error_raised_label;
  return config;
}

void configure(const Config& config, std::vector<std::shared_ptr<Handler>> handlers = {}) {
  profiler().config(config);
  for (auto& handler : handlers) profiler().add_handler(std::move(handler));
}

std::shared_ptr<spdlog::logger> logger_named(const std::string& name) {
  if (auto existing = spdlog::get(name)) return existing;
  auto logger = std::make_shared<spdlog::logger>(name, std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cerr));
  spdlog::register_logger(logger);
  return logger;
}

// What a test sees of a configuration: the registry, and the records of a
// profiled program seen by a capture added afterwards.
struct Outcome {
  test::ProfilerState state;
  std::vector<std::string> records;
};

// Keeps what the handlers under test write out of the test's output, also
// when the test fails by an exception.
class QuietOutput {
 public:
  QuietOutput() {
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
  }
  ~QuietOutput() {
    testing::internal::GetCapturedStderr();
    testing::internal::GetCapturedStdout();
  }
  QuietOutput(const QuietOutput&) = delete;
  QuietOutput& operator=(const QuietOutput&) = delete;
};

Outcome outcome_of(const std::function<void()>& configure_profiler) {
  forget_everything();
  QuietOutput quiet;
  configure_profiler();
  Outcome outcome{profiler_state(), {}};
  auto capture = std::make_shared<test::CapturingHandler>("capture");
  profiler().add_handler(capture);
  test::run_profiled_program();
  outcome.records = test::profiled_program_lines(*capture);
  return outcome;
}

class DictConfigShape : public testing::TestWithParam<Shape> {};

TEST_P(DictConfigShape, SameProfilerAsConfigAndAddHandler) {
  const Shape& shape = GetParam();
  const Outcome from_json = outcome_of([&] { profiler().dict_config(shape.json); });
  const Outcome from_code = outcome_of(shape.in_code);
  EXPECT_EQ(from_json.state, from_code.state);
  EXPECT_EQ(from_json.records, from_code.records);
  EXPECT_TRUE(from_json.state.configured);
}

const Shape shapes[] = {
    {"only_job", R"({"job": "shop"})", [] { configure(job_config()); }},
    {"every_flag_flipped",
     R"({"job": "shop", "time_profile": false, "response_size_profile": true, "handle_records": false,
         "error_raised_label": true})",
     [] { configure(job_config(false, true, false, true)); }},
    {"every_flag_on",
     R"({"job": "shop", "time_profile": true, "response_size_profile": true, "handle_records": true,
         "error_raised_label": true})",
     [] { configure(job_config(true, true, true, true)); }},
    {"request_size_alias", R"({"job": "shop", "request_size_profile": true})",
     [] { configure(job_config(true, true)); }},
    {"named_logger", R"({"job": "shop", "logger": "dict_config_test.shape"})",
     [] { configure(job_config(true, false, true, false, "dict_config_test.shape")); }},
    {"stream_handler_default_output",
     R"({"job": "shop", "handlers": {"out": {"class": "StreamHandler", "handler_name": "out"}}})",
     [] { configure(job_config(), {std::make_shared<StreamHandler>("out")}); }},
    {"stream_handlers_stdout_stderr_in_given_order",
     R"({"job": "shop", "error_raised_label": true, "handlers": {
           "z": {"class": "phanos.publisher.StreamHandler", "handler_name": "to_stdout", "output": "ext://sys.stdout"},
           "a": {"class": "phanos.handlers.StreamHandler", "handler_name": "to_stderr", "output": "ext://sys.stderr"}}})",
     [] {
       configure(job_config(true, false, true, true), {std::make_shared<StreamHandler>("to_stdout", std::cout),
                                                       std::make_shared<StreamHandler>("to_stderr", std::cerr)});
     }},
    {"logger_handler_own_logger",
     R"({"job": "shop", "handlers": {"log": {"class": "phanos.publisher.LoggerHandler", "handler_name": "log"}}})",
     [] { configure(job_config(), {std::make_shared<LoggerHandler>("log")}); }},
    {"logger_handler_named_logger_and_level",
     R"({"job": "shop", "handlers": {"log": {"class": "LoggerHandler", "handler_name": "log",
                                             "logger": "dict_config_test.records", "level": "INFO"}}})",
     [] {
       configure(job_config(), {std::make_shared<LoggerHandler>("log", logger_named("dict_config_test.records"),
                                                                spdlog::level::info)});
     }},
    {"named_logger_handler",
     R"({"job": "shop", "handlers": {"named": {"class": "phanos.handlers.NamedLoggerHandler",
                                               "handler_name": "named", "logger_name": "dict_config_test.named",
                                               "level": 40}}})",
     [] {
       configure(job_config(),
                 {std::make_shared<NamedLoggerHandler>("named", "dict_config_test.named", spdlog::level::err)});
     }},
    {"one_handler_of_each_class",
     R"({"job": "shop", "time_profile": true, "response_size_profile": true, "handlers": {
           "s": {"class": "StreamHandler", "handler_name": "s", "output": "ext://sys.stderr"},
           "l": {"class": "LoggerHandler", "handler_name": "l", "level": 10},
           "n": {"class": "NamedLoggerHandler", "handler_name": "n", "logger_name": "dict_config_test.each"}}})",
     [] {
       configure(job_config(true, true),
                 {std::make_shared<StreamHandler>("s", std::cerr), std::make_shared<LoggerHandler>("l"),
                  std::make_shared<NamedLoggerHandler>("n", "dict_config_test.each")});
     }},
};

INSTANTIATE_TEST_SUITE_P(Shapes, DictConfigShape, testing::ValuesIn(shapes),
                         [](const testing::TestParamInfo<Shape>& info) { return info.param.name; });

TEST(DictConfig, ThreeSpellingsOfEachHandlerClass) {
  for (const std::string base : {"StreamHandler", "LoggerHandler", "NamedLoggerHandler"}) {
    std::vector<std::string> handlers;
    for (const std::string prefix : {"", "phanos.publisher.", "phanos.handlers."}) {
      forget_everything();
      QuietOutput quiet;  // "logger_name" is an unknown key but to one class
      profiler().dict_config(R"({"job": "shop", "handlers": {"h": {"class": ")" + prefix + base +
                             R"(", "handler_name": "h", "logger_name": "dict_config_test.spelling"}}})");
      const auto state = profiler_state();
      ASSERT_EQ(state.handlers.size(), 1u) << prefix << base;
      handlers.push_back(state.handlers[0]);
    }
    EXPECT_EQ(handlers[1], handlers[0]) << base;
    EXPECT_EQ(handlers[2], handlers[0]) << base;
  }
}

TEST(DictConfig, PythonLoggingLevelsByNumberAndName) {
  const std::pair<std::string, spdlog::level::level_enum> levels[] = {
      {"10", spdlog::level::debug},
      {R"("DEBUG")", spdlog::level::debug},
      {"20", spdlog::level::info},
      {R"("info")", spdlog::level::info},
      {"30", spdlog::level::warn},
      {R"("Warning")", spdlog::level::warn},
      {R"("WARN")", spdlog::level::warn},
      {"40", spdlog::level::err},
      {R"("error")", spdlog::level::err},
      {"50", spdlog::level::critical},
      {R"("CRITICAL")", spdlog::level::critical},
      {R"("fatal")", spdlog::level::critical},
  };
  for (const auto& [json_level, expected] : levels) {
    forget_everything();
    profiler().dict_config(R"({"job": "shop", "handlers": {"h": {"class": "LoggerHandler", "handler_name": "h",
                                                                 "level": )" +
                           json_level + "}}}");
    const auto registry = detail::registry_snapshot();
    ASSERT_EQ(registry->handlers.size(), 1u);
    const auto* handler = dynamic_cast<const LoggerHandler*>(registry->handlers[0].handler.get());
    ASSERT_NE(handler, nullptr);
    EXPECT_EQ(handler->level(), expected) << json_level;
  }
}

TEST(DictConfig, AddsToTheHandlersThereLikePython) {
  forget_everything();
  auto kept = std::make_shared<test::CapturingHandler>("kept");
  auto replaced = std::make_shared<test::CapturingHandler>("out");
  profiler().add_handler(kept);
  profiler().add_handler(replaced);
  EXPECT_THAT(test::stderr_of([] {
                profiler().dict_config(R"({"job": "shop", "handlers": {"o": {"class": "StreamHandler",
                                           "handler_name": "out", "output": "ext://sys.stderr"}}})");
              }),
              HasSubstr("handler 'out' already exists, replacing it"));
  const auto state = profiler_state();
  ASSERT_EQ(state.handlers.size(), 2u);
  EXPECT_EQ(state.handlers[0], test::describe_handler(*kept));
  EXPECT_THAT(state.handlers[1], HasSubstr("StreamHandler"));
}

TEST(DictConfig, StreamHandlerWritesToStdoutAndStderr) {
  forget_everything();
  profiler().dict_config(R"({"job": "shop", "handlers": {
      "o": {"class": "StreamHandler", "handler_name": "o", "output": "ext://sys.stdout"},
      "e": {"class": "StreamHandler", "handler_name": "e", "output": "ext://sys.stderr"}}})");
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  test::profiled(test::root_site, [] {});
  const std::string err = testing::internal::GetCapturedStderr();
  const std::string out = testing::internal::GetCapturedStdout();
  const std::string line = "profiler: time_profiler, method: Shop:root, value: <ms> mS\n";
  EXPECT_EQ(test::mask_times(out), line);
  EXPECT_EQ(test::mask_times(err), line);
}

TEST(DictConfig, StreamHandlerAppendsToAFileItKeepsOpen) {
  const std::string path = testing::TempDir() + "dict_config_stream.log";
  std::ofstream(path) << "written before\n";
  forget_everything();
  profiler().dict_config(R"({"job": "shop", "handlers": {"f": {"class": "StreamHandler", "handler_name": "f",
                                                               "output": ")" +
                         path + R"("}}})");
  // Moved away: a handler that reopened the path would write elsewhere.
  const std::string moved = path + ".moved";
  ASSERT_EQ(std::rename(path.c_str(), moved.c_str()), 0);
  test::profiled(test::root_site, [] {});
  test::profiled(test::child_site, [] {});
  forget_everything();  // drops the handler, closing the file
  std::ifstream file(moved);
  std::stringstream content;
  content << file.rdbuf();
  EXPECT_EQ(test::mask_times(content.str()),
            "written before\n"
            "profiler: time_profiler, method: Shop:root, value: <ms> mS\n"
            "profiler: time_profiler, method: Shop:child, value: <ms> mS\n");
  std::remove(moved.c_str());
}

TEST(DictConfig, UnknownKeysAreWarnedAboutNotFatal) {
  forget_everything();
  EXPECT_EQ(test::stderr_of([] {
              profiler().dict_config(R"({"job": "shop", "colour": "blue", "handlers": {
                  "h": {"class": "StreamHandler", "handler_name": "h", "output": "ext://sys.stderr", "buffering": 1}}})");
            }),
            "phanos: warning: dict_config: handlers.h.buffering: unknown key, ignored\n"
            "phanos: warning: dict_config: colour: unknown key, ignored\n");
  EXPECT_EQ(profiler_state().config.job, "shop");
  EXPECT_EQ(profiler_state().handlers.size(), 1u);
}

TEST(DictConfig, RequestSizeProfileIsADeprecatedAlias) {
  forget_everything();
  EXPECT_EQ(test::stderr_of([] {
              profiler().dict_config(R"({"job": "shop", "request_size_profile": true, "response_size_profile": true})");
            }),
            "phanos: warning: dict_config: request_size_profile: deprecated, use response_size_profile\n");
  EXPECT_TRUE(profiler_state().config.response_size_profile);
}

TEST(DictConfig, WarningsGoToTheLoggerItConfigures) {
  std::ostringstream logged;
  auto logger = std::make_shared<spdlog::logger>("dict_config_test.warnings",
                                                 std::make_shared<spdlog::sinks::ostream_sink_mt>(logged));
  logger->set_pattern("%l %v");
  spdlog::register_logger(logger);
  forget_everything();
  EXPECT_EQ(test::stderr_of([] {
              profiler().dict_config(R"({"job": "shop", "logger": "dict_config_test.warnings", "colour": "blue"})");
            }),
            "");
  EXPECT_EQ(logged.str(), "warning dict_config: colour: unknown key, ignored\n");
  forget_everything();  // back to phanos' own logger
  spdlog::drop("dict_config_test.warnings");
}

}  // namespace
}  // namespace phanos
