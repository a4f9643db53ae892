// dict_config builds the RabbitMQ handlers from Python's class names and
// keyword arguments (the broker itself is not needed: nothing listens on
// port 1, which the handlers only log).

#include <gtest/gtest.h>
#include <phanos/rabbitmq.hpp>

#include <string>

#include "wire_contract.hpp"

namespace {

std::string config_with(const std::string& handler) {
  return R"({"job": "unit", "handlers": {"rabbit": )" + handler + "}}";
}

// The handlers publish where phanos-collector consumes by default.
TEST(RabbitConfig, DefaultExchangeIsTheWireContracts) {
  const phanos::RabbitParams defaults;
  EXPECT_EQ(defaults.exchange_name, phanos::wire::default_exchange_name);
  EXPECT_EQ(defaults.exchange_type, phanos::wire::default_exchange_type);
}

TEST(RabbitConfig, PythonNamesAndArgumentsAreAccepted) {
  for (const char* class_name : {"phanos.publisher.ImpProfHandler", "phanos.handlers.ImpProfHandler",
                                 "ImpProfHandler"}) {
    SCOPED_TRACE(class_name);
    EXPECT_NO_THROW(phanos::profiler().dict_config(config_with(
        std::string(R"({"class": ")") + class_name +
        R"(", "handler_name": "rabbit", "host": "127.0.0.1", "port": 1, "user": "guest", "password": "guest",
            "vhost": "/", "heartbeat": 47, "timeout": 0.5, "retry": 1, "retry_delay": 0.01,
            "exchange_name": "profiling", "exchange_type": "fanout"})")));
  }
  EXPECT_NO_THROW(phanos::profiler().dict_config(config_with(
      R"({"class": "phanos.publisher.AsyncImpProfHandler", "handler_name": "rabbit", "port": 1,
          "timeout": 0.5, "retry": 1, "queue_capacity": 8, "drain_timeout": 0,
          "max_message_records": 10, "max_message_bytes": 4096, "confirm": true})")));
  phanos::profiler().delete_handlers();
}

TEST(RabbitConfig, HostsAreAListOfNodesAndABadOneIsNamedByItsIndex) {
  EXPECT_NO_THROW(phanos::profiler().dict_config(config_with(
      R"({"class": "ImpProfHandler", "handler_name": "rabbit", "hosts": ["127.0.0.1:1", "[::1]:1", "localhost"],
          "timeout": 0.5, "retry": 1})")));
  phanos::profiler().delete_handlers();
  const auto error_of = [](const std::string& hosts) {
    try {
      phanos::profiler().dict_config(
          config_with(R"({"class": "ImpProfHandler", "handler_name": "rabbit", "hosts": )" + hosts + "}"));
    } catch (const phanos::ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(error_of(R"(["127.0.0.1:1", "h:0"])"),
            R"(handlers.rabbit.hosts[1]: "h:0" is not HOST:PORT, [IPv6]:PORT or HOST (port 5672))");
  EXPECT_EQ(error_of(R"(["h:1", 5672])"), R"(handlers.rabbit.hosts[1]: expected a "host:port" string, got 5672)");
  EXPECT_EQ(error_of("[]"), R"(handlers.rabbit.hosts: expected a list of "host:port" strings, got [])");
}

TEST(RabbitConfig, HostsGivenInCodeAreCheckedToo) {
  phanos::RabbitParams params;
  params.hosts = {"127.0.0.1:1", ":5672"};
  EXPECT_THROW(phanos::ImpProfHandler("rabbit", params), std::invalid_argument);
}

TEST(RabbitConfig, CoalescingLimitsOutOfRangeNameTheKeyPath) {
  for (const auto& [key, value] : {std::pair{"max_message_records", "0"}, std::pair{"max_message_bytes", "63"}}) {
    SCOPED_TRACE(key);
    try {
      phanos::profiler().dict_config(config_with(std::string(R"({"class": "AsyncImpProfHandler", "handler_name": "rabbit",
                                                                 "port": 1, ")") + key + "\": " + value + "}"));
      FAIL() << "accepted " << key << " " << value;
    } catch (const phanos::ConfigError& error) {
      EXPECT_NE(std::string(error.what()).find(std::string("handlers.rabbit.") + key + ": "), std::string::npos)
          << error.what();
    }
  }
}

TEST(RabbitConfig, AWrongTypeNamesTheKeyPath) {
  try {
    phanos::profiler().dict_config(config_with(R"({"class": "ImpProfHandler", "handler_name": "rabbit",
                                                     "heartbeat": "47"})"));
    FAIL() << "accepted a string heartbeat";
  } catch (const phanos::ConfigError& error) {
    EXPECT_STREQ(error.what(), R"(handlers.rabbit.heartbeat: expected an integer, got "47")");
  }
}

TEST(RabbitConfig, RetryZeroIsOneAttemptAsInPython) {
  EXPECT_NO_THROW(phanos::profiler().dict_config(
      config_with(R"({"class": "ImpProfHandler", "handler_name": "rabbit", "port": 1, "retry": 0})")));
  phanos::profiler().delete_handlers();
}

TEST(RabbitConfig, PikasVirtualHostIsTheVhost) {
  EXPECT_NO_THROW(phanos::profiler().dict_config(config_with(
      R"({"class": "ImpProfHandler", "handler_name": "rabbit", "port": 1, "virtual_host": "/profiling"})")));
  EXPECT_NO_THROW(phanos::profiler().dict_config(config_with(
      R"({"class": "ImpProfHandler", "handler_name": "rabbit", "port": 1, "vhost": "/p", "virtual_host": "/p"})")));
  phanos::profiler().delete_handlers();
  try {
    phanos::profiler().dict_config(config_with(
        R"({"class": "ImpProfHandler", "handler_name": "rabbit", "vhost": "/a", "virtual_host": "/b"})"));
    FAIL() << "accepted two vhosts";
  } catch (const phanos::ConfigError& error) {
    EXPECT_STREQ(error.what(), R"(handlers.rabbit.virtual_host: "/b" differs from vhost "/a"; give one of them)");
  }
  try {
    phanos::profiler().dict_config(
        config_with(R"({"class": "ImpProfHandler", "handler_name": "rabbit", "virtual_host": 5})"));
    FAIL() << "accepted a number as the vhost";
  } catch (const phanos::ConfigError& error) {
    EXPECT_STREQ(error.what(), R"(handlers.rabbit.virtual_host: expected a string, got 5)");
  }
}

}  // namespace
