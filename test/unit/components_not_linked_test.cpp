// A program that links the core alone (phanos::runtime): a dict config
// naming a handler class of a component it does not link, or a logger by
// name, is rejected with the component to link, and changes nothing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "phanos/phanos.hpp"

namespace phanos {
namespace {

struct NotLinked {
  std::string name;
  std::string json;
  std::string message;
};

void PrintTo(const NotLinked& config, std::ostream* out) { *out << config.json; }

const NotLinked not_linked[] = {
    {"imp_prof_handler", R"({"job": "x", "handlers": {"h": {"class": "ImpProfHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: class "ImpProfHandler" is in the component 'rabbitmq' (phanos::rabbitmq), )"
     "which this program does not link"},
    {"async_imp_prof_handler_python_module",
     R"({"job": "x", "handlers": {"h": {"class": "phanos.handlers.AsyncImpProfHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: class "phanos.handlers.AsyncImpProfHandler" is in the component 'rabbitmq' )"
     "(phanos::rabbitmq), which this program does not link"},
    {"logger_handler", R"({"job": "x", "handlers": {"h": {"class": "LoggerHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: class "LoggerHandler" is in the component 'spdlog' (phanos::spdlog), )"
     "which this program does not link"},
    {"named_logger_handler",
     R"({"job": "x", "handlers": {"h": {"class": "phanos.publisher.NamedLoggerHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: class "phanos.publisher.NamedLoggerHandler" is in the component 'spdlog' )"
     "(phanos::spdlog), which this program does not link"},
    {"prometheus_handler", R"({"job": "x", "handlers": {"h": {"class": "PrometheusHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: class "PrometheusHandler" is in the component 'prometheus' (phanos::prometheus), )"
     "which this program does not link"},
    {"named_logger", R"({"job": "x", "logger": "app"})",
     R"(logger: naming a logger ("app") needs the component 'spdlog' (phanos::spdlog), )"
     "which this program does not link"},
    {"unknown_class", R"({"job": "x", "handlers": {"h": {"class": "NoSuchHandler", "handler_name": "h"}}})",
     R"(handlers.h.class: unknown handler class "NoSuchHandler")"},
    {"empty_class", R"({"job": "x", "handlers": {"h": {"class": "", "handler_name": "h"}}})",
     R"(handlers.h.class: unknown handler class "")"},
};

class ConfigNamingAComponent : public testing::TestWithParam<NotLinked> {};

TEST_P(ConfigNamingAComponent, RejectedWithTheComponentToLink) {
  profiler().dict_config(
      R"({"job": "before", "handlers": {"out": {"class": "StreamHandler", "handler_name": "out"}}})");
  try {
    profiler().dict_config(GetParam().json);
    FAIL() << "accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), GetParam().message);
  }
  EXPECT_EQ(profiler().job(), "before");
  EXPECT_THAT(profiler().handler_names(), testing::ElementsAre("out"));
}

INSTANTIATE_TEST_SUITE_P(, ConfigNamingAComponent, testing::ValuesIn(not_linked),
                         [](const auto& info) { return info.param.name; });

TEST(ComponentsNotLinked, ConfigNamingALoggerIsRejectedToo) {
  Config config;
  config.job = "x";
  config.logger = "app";
  EXPECT_THROW(profiler().config(config), ConfigError);
}

// The core writes its own messages itself, in the lines spdlog wrote.
TEST(ComponentsNotLinked, OwnMessagesGoToStderr) {
  profiler().dict_config(R"({"job": "x"})");
  testing::internal::CaptureStderr();
  profiler().delete_handler("absent");
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "phanos: warning: delete_handler: handler 'absent' does not exist\n");
}

}  // namespace
}  // namespace phanos
