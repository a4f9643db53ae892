// PHANOS_CONFIG's value: inline JSON or a file path; what is printed when it
// is rejected. (That the runtime reads it before main() is tested with real
// programs in test/config.)

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "config/environment.hpp"
#include "config_support.hpp"

namespace phanos {
namespace {

using detail::configure_from_environment;
using test::profiler_state;

std::string write_file(const std::string& name, const std::string& content) {
  const std::string path = testing::TempDir() + name;
  std::ofstream(path) << content;
  return path;
}

TEST(EnvironmentConfig, EmptyOrBlankDoesNothing) {
  test::forget_everything();
  const test::ProfilerState before = profiler_state();
  EXPECT_EQ(configure_from_environment(""), "");
  EXPECT_EQ(configure_from_environment(" \t\n"), "");
  EXPECT_EQ(profiler_state(), before);
}

TEST(EnvironmentConfig, InlineJson) {
  test::forget_everything();
  EXPECT_EQ(configure_from_environment(R"(  {"job": "inline", "handlers": {"e": {"class": "StreamHandler",
                                          "handler_name": "e", "output": "ext://sys.stderr"}}})"),
            "");
  EXPECT_EQ(profiler_state().config.job, "inline");
  EXPECT_EQ(profiler_state().handlers.size(), 1u);
}

TEST(EnvironmentConfig, JsonFile) {
  test::forget_everything();
  const std::string path = write_file("environment_good.json", R"({"job": "from_file", "error_raised_label": true})");
  EXPECT_EQ(configure_from_environment(path), "");
  EXPECT_EQ(profiler_state().config.job, "from_file");
  EXPECT_TRUE(profiler_state().config.error_raised_label);
}

struct Rejected {
  std::string name;
  std::string value;  // "@file content" for a file written first
  std::string line;   // "{path}" stands for that file's path
};

void PrintTo(const Rejected& rejected, std::ostream* out) { *out << rejected.value; }

class EnvironmentConfigRejected : public testing::TestWithParam<Rejected> {};

TEST_P(EnvironmentConfigRejected, OneLineNamingTheProblemAndNothingChanges) {
  test::forget_everything();
  const test::ProfilerState before = profiler_state();
  std::string value = GetParam().value;
  std::string line = GetParam().line;
  if (value.rfind('@', 0) == 0) {
    const std::string path = write_file("environment_" + GetParam().name + ".json", value.substr(1));
    value = path;
  }
  const std::size_t path_at = line.find("{path}");
  if (path_at != std::string::npos) line.replace(path_at, 6, value);
  EXPECT_EQ(configure_from_environment(value), line);
  EXPECT_EQ(profiler_state(), before);
}

const Rejected rejected[] = {
    {"inline_not_json", "{job: x}",
     "phanos: PHANOS_CONFIG: not valid JSON: parse error at line 1, column 2: syntax error while parsing object "
     "key - invalid literal; last read: '{j'; expected string literal; profiling stays off"},
    {"inline_missing_job", R"({"time_profile": true})",
     "phanos: PHANOS_CONFIG: job: required key is missing; profiling stays off"},
    {"inline_unknown_class", R"({"job": "x", "handlers": {"h": {"class": "NoSuchHandler", "handler_name": "h"}}})",
     R"(phanos: PHANOS_CONFIG: handlers.h.class: unknown handler class "NoSuchHandler"; profiling stays off)"},
    {"inline_wrong_type", R"({"job": "x", "time_profile": "yes"})",
     R"(phanos: PHANOS_CONFIG: time_profile: expected true or false, got "yes"; profiling stays off)"},
    {"file_not_json", "@job = x",
     R"(phanos: PHANOS_CONFIG (file "{path}"): not valid JSON: parse error at line 1, column 1: syntax error )"
     "while parsing value - invalid literal; last read: 'j'; profiling stays off"},
    {"file_not_an_object", "@[1, 2]",
     R"(phanos: PHANOS_CONFIG (file "{path}"): expected a JSON object at the top level, got [1,2]; )"
     "profiling stays off"},
    {"file_missing_job", R"(@{"handlers": {}})",
     R"(phanos: PHANOS_CONFIG (file "{path}"): job: required key is missing; profiling stays off)"},
    {"file_not_found", "/no/such/phanos_config.json",
     R"(phanos: PHANOS_CONFIG (file "{path}"): cannot read the file: No such file or directory; )"
     "profiling stays off"},
    {"file_is_a_directory", "/",
     R"(phanos: PHANOS_CONFIG (file "{path}"): cannot read the file: Is a directory; profiling stays off)"},
    {"message_kept_on_one_line", "@{\"job\": \"x\",\n\"handlers\": {\"h\": 1}}",
     R"(phanos: PHANOS_CONFIG (file "{path}"): handlers.h: expected an object, got 1; profiling stays off)"},
    // A key is quoted escaped: its line break cannot start a forged line.
    {"key_with_a_line_break", R"({"job": "x", "handlers": {"h\nphanos: error: FORGED": 1}})",
     R"(phanos: PHANOS_CONFIG: handlers.h\nphanos: error: FORGED: expected an object, got 1; profiling stays off)"},
};

INSTANTIATE_TEST_SUITE_P(Values, EnvironmentConfigRejected, testing::ValuesIn(rejected),
                         [](const testing::TestParamInfo<Rejected>& info) { return info.param.name; });

}  // namespace
}  // namespace phanos
