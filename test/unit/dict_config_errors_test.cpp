// dict_config with bad configurations: ConfigError "{key path}: {problem}",
// and nothing of the configuration applied.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_support.hpp"

namespace phanos {
namespace {

using test::profiler_state;

struct BadConfig {
  std::string name;
  std::string json;
  std::string message;
};

void PrintTo(const BadConfig& bad, std::ostream* out) { *out << bad.json; }

// A handler that is valid, listed before the bad part: it must not be added.
constexpr const char* valid_handler =
    R"("first": {"class": "StreamHandler", "handler_name": "first", "output": "ext://sys.stderr"})";

std::string with_handlers(const std::string& handlers) {
  return R"({"job": "new_job", "logger": "dict_config_errors_test", "time_profile": false,
             "response_size_profile": true, "error_raised_label": true, "handlers": {)" +
         std::string(valid_handler) + ", " + handlers + "}}";
}

std::string with_handler(const std::string& handler) { return with_handlers(R"("h": )" + handler); }

const BadConfig bad_configs[] = {
    // The two cases of test/reference/python/config_errors.json: Python raised
    // KeyError 'Job argument not found in config dictionary' and
    // AttributeError "module 'phanos.publisher' has no attribute 'NoSuchHandler'".
    {"reference_missing_job", R"({"time_profile": true})", "job: required key is missing"},
    {"reference_unknown_class",
     R"({"job": "x", "handlers": {"h": {"class": "phanos.publisher.NoSuchHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: unknown handler class "phanos.publisher.NoSuchHandler")"},

    {"not_json", R"({"job": "x",)",
     "not valid JSON: parse error at line 1, column 13: syntax error while parsing object key - unexpected end of "
     "input; expected string literal"},
    {"empty_text", "",
     "not valid JSON: parse error at line 1, column 1: syntax error while parsing value - "
     "unexpected end of input; expected '[', '{', or a literal"},
    // nlohmann-json throws out_of_range, not parse_error, for this one.
    {"number_overflow", R"({"job": "x", "time_profile": 1e400})", "not valid JSON: number overflow parsing '1e400'"},
    {"top_level_array", R"([{"job": "x"}])", R"(expected a JSON object at the top level, got [{"job":"x"}])"},
    {"top_level_string", R"("job")", R"(expected a JSON object at the top level, got "job")"},
    {"job_number", R"({"job": 5})", "job: expected a string, got 5"},
    {"job_null", R"({"job": null})", "job: expected a string, got null"},
    {"job_empty", R"({"job": ""})", R"(job: expected a non-empty string, got "")"},
    {"long_value_shortened", R"({"job": {"name": "a very long job name that goes on and on and on and on"}})",
     R"(job: expected a string, got {"name":"a very long job name that goes on and on and on ...)"},
    {"logger_bool", R"({"job": "x", "logger": false})", "logger: expected a string, got false"},
    {"time_profile_number", R"({"job": "x", "time_profile": 1})", "time_profile: expected true or false, got 1"},
    {"response_size_profile_string", R"({"job": "x", "response_size_profile": "yes"})",
     R"(response_size_profile: expected true or false, got "yes")"},
    {"request_size_profile_null", R"({"job": "x", "request_size_profile": null})",
     "request_size_profile: expected true or false, got null"},
    {"request_size_profile_contradicts",
     R"({"job": "x", "request_size_profile": true, "response_size_profile": false})",
     "request_size_profile: contradicts response_size_profile (it is its deprecated alias)"},
    {"handle_records_string", R"({"job": "x", "handle_records": "false"})",
     R"(handle_records: expected true or false, got "false")"},
    {"error_raised_label_array", R"({"job": "x", "error_raised_label": [true]})",
     "error_raised_label: expected true or false, got [true]"},
    {"handlers_array", R"({"job": "x", "handlers": []})", "handlers: expected an object, got []"},
    {"handler_string", with_handler(R"("StreamHandler")"), R"(handlers.h: expected an object, got "StreamHandler")"},
    {"class_missing", with_handler(R"({"handler_name": "h"})"), "handlers.h.class: required key is missing"},
    {"class_number", with_handler(R"({"class": 3, "handler_name": "h"})"),
     "handlers.h.class: expected a string, got 3"},
    {"class_unknown_module", with_handler(R"({"class": "logging.StreamHandler", "handler_name": "h"})"),
     R"(handlers.h.class: unknown handler class "logging.StreamHandler")"},
    {"class_wrong_case", with_handler(R"({"class": "streamhandler", "handler_name": "h"})"),
     R"(handlers.h.class: unknown handler class "streamhandler")"},
    {"imp_prof_handler_port_string",
     with_handlers(R"("rabbit": {"class": "phanos.publisher.ImpProfHandler", "handler_name": "rabbit",
                                 "host": "127.0.0.1", "port": "abc"})"),
     R"(handlers.rabbit.port: expected an integer, got "abc")"},
    {"imp_prof_handler_port_out_of_range",
     with_handlers(R"("rabbit": {"class": "ImpProfHandler", "handler_name": "rabbit", "port": 70000})"),
     "handlers.rabbit.port: expected an integer from 1 to 65535, got 70000"},
    {"imp_prof_handler_retry_float",
     with_handlers(R"("rabbit": {"class": "phanos.handlers.ImpProfHandler", "handler_name": "rabbit", "retry": 2.5})"),
     "handlers.rabbit.retry: expected an integer, got 2.5"},
    {"imp_prof_handler_user_number",
     with_handlers(R"("rabbit": {"class": "ImpProfHandler", "handler_name": "rabbit", "user": 7})"),
     "handlers.rabbit.user: expected a string, got 7"},
    {"async_imp_prof_handler_timeout_zero",
     with_handlers(R"("rabbit": {"class": "AsyncImpProfHandler", "handler_name": "rabbit", "timeout": 0})"),
     "handlers.rabbit.timeout: expected more than 0 seconds, got 0"},
    {"async_imp_prof_handler_retry_delay_string",
     with_handlers(R"("rabbit": {"class": "AsyncImpProfHandler", "handler_name": "rabbit", "retry_delay": "1s"})"),
     R"(handlers.rabbit.retry_delay: expected a number of seconds, got "1s")"},
    {"async_imp_prof_handler_queue_capacity_zero",
     with_handlers(R"("rabbit": {"class": "AsyncImpProfHandler", "handler_name": "rabbit", "queue_capacity": 0})"),
     "handlers.rabbit.queue_capacity: expected an integer from 1 to 2147483647, got 0"},
    {"async_imp_prof_handler_drain_timeout_negative",
     with_handlers(R"("rabbit": {"class": "AsyncImpProfHandler", "handler_name": "rabbit", "drain_timeout": -1})"),
     "handlers.rabbit.drain_timeout: expected 0 seconds or more, got -1"},
    {"handler_name_missing", with_handler(R"({"class": "StreamHandler"})"),
     "handlers.h.handler_name: required key is missing"},
    {"handler_name_number", with_handler(R"({"class": "LoggerHandler", "handler_name": 1})"),
     "handlers.h.handler_name: expected a string, got 1"},
    {"output_number", with_handler(R"({"class": "StreamHandler", "handler_name": "h", "output": 1})"),
     "handlers.h.output: expected a string, got 1"},
    {"output_unknown_external",
     with_handler(R"({"class": "StreamHandler", "handler_name": "h", "output": "ext://sys.stdin"})"),
     R"(handlers.h.output: expected "ext://sys.stdout", "ext://sys.stderr" or a file path, got "ext://sys.stdin")"},
    {"output_cannot_be_opened",
     with_handler(R"({"class": "StreamHandler", "handler_name": "h", "output": "/no/such/directory/x.log"})"),
     R"(handlers.h.output: cannot open "/no/such/directory/x.log" for appending: No such file or directory)"},
    {"logger_handler_logger_number", with_handler(R"({"class": "LoggerHandler", "handler_name": "h", "logger": 2})"),
     "handlers.h.logger: expected a string, got 2"},
    {"level_not_a_python_level", with_handler(R"({"class": "LoggerHandler", "handler_name": "h", "level": 15})"),
     "handlers.h.level: expected a logging level (10, 20, 30, 40, 50 or DEBUG, INFO, WARNING, ERROR, CRITICAL), "
     "got 15"},
    {"level_unknown_name",
     with_handler(R"({"class": "NamedLoggerHandler", "handler_name": "h", "logger_name": "l", "level": "loud"})"),
     "handlers.h.level: expected a logging level (10, 20, 30, 40, 50 or DEBUG, INFO, WARNING, ERROR, CRITICAL), "
     R"(got "loud")"},
    {"level_float", with_handler(R"({"class": "LoggerHandler", "handler_name": "h", "level": 10.0})"),
     "handlers.h.level: expected a logging level (10, 20, 30, 40, 50 or DEBUG, INFO, WARNING, ERROR, CRITICAL), "
     "got 10.0"},
    {"logger_name_missing", with_handler(R"({"class": "NamedLoggerHandler", "handler_name": "h"})"),
     "handlers.h.logger_name: required key is missing"},
    {"logger_name_object",
     with_handler(R"({"class": "phanos.handlers.NamedLoggerHandler", "handler_name": "h", "logger_name": {}})"),
     "handlers.h.logger_name: expected a string, got {}"},
};

class DictConfigError : public testing::TestWithParam<BadConfig> {};

TEST_P(DictConfigError, NamesTheKeyAndTheProblemAndChangesNothing) {
  // A configured profiler with a custom metric and a capture.
  auto capture = test::reset_profiler(test::example_config());
  auto gauge = std::make_shared<Gauge>("stock", "EXAMPLE", "items");
  profiler().add_metric(gauge);
  const test::ProfilerState before = profiler_state();

  try {
    profiler().dict_config(GetParam().json);
    FAIL() << "dict_config should have thrown";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), GetParam().message);
  }

  EXPECT_EQ(profiler_state(), before);
  // Still phanos' own logger, not the one the bad configuration named.
  EXPECT_EQ(test::stderr_of([&] {
              test::profiled(test::root_site, [&] { gauge->set(1.0); });
              profiler().delete_metric("no_such_metric");
            }),
            "phanos: warning: delete_metric: metric 'no_such_metric' does not exist\n");
  std::vector<std::string> seen;
  for (const auto& call : capture->calls()) {
    for (const Record& record : call.records) seen.push_back(call.profiler_name + " " + record.job);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"time_profiler EXAMPLE", "stock EXAMPLE"}));
}

INSTANTIATE_TEST_SUITE_P(BadConfigs, DictConfigError, testing::ValuesIn(bad_configs),
                         [](const testing::TestParamInfo<BadConfig>& info) { return info.param.name; });

TEST(DictConfigErrors, ConfigErrorIsARuntimeError) { EXPECT_THROW(profiler().dict_config("[]"), std::runtime_error); }

}  // namespace
}  // namespace phanos
