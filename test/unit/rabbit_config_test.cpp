// dict_config builds the RabbitMQ handlers from Python's class names and
// keyword arguments (the broker itself is not needed: nothing listens on
// port 1, which the handlers only log).

#include <gtest/gtest.h>
#include <phanos/rabbitmq.hpp>

#include <string>

#include "config_support.hpp"
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
  for (const char* class_name :
       {"phanos.publisher.ImpProfHandler", "phanos.handlers.ImpProfHandler", "ImpProfHandler"}) {
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
      phanos::profiler().dict_config(
          config_with(std::string(R"({"class": "AsyncImpProfHandler", "handler_name": "rabbit",
                                                                 "port": 1, ")") +
                      key + "\": " + value + "}"));
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
    phanos::profiler().dict_config(
        config_with(R"({"class": "ImpProfHandler", "handler_name": "rabbit", "vhost": "/a", "virtual_host": "/b"})"));
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

// Any readable file passes the configuration's check (whether it is PEM is
// found when connecting): this source file.
const std::string readable_file = __FILE__;

std::string tls_handler(const std::string& tls_keys) {
  return config_with(R"({"class": "ImpProfHandler", "handler_name": "rabbit", "port": 1, )" + tls_keys + "}");
}

std::string rejection_of(const std::string& config) {
  try {
    phanos::profiler().dict_config(config);
  } catch (const phanos::ConfigError& error) {
    return error.what();
  }
  phanos::profiler().delete_handlers();
  return "accepted";
}

TEST(RabbitConfig, TlsIsOffAndVerifiesEverythingByDefault) {
  const phanos::RabbitParams defaults;
  EXPECT_FALSE(defaults.ssl);
  EXPECT_TRUE(defaults.ssl_verify_peer);
  EXPECT_TRUE(defaults.ssl_verify_hostname);
  EXPECT_TRUE(defaults.ssl_ca.empty() && defaults.ssl_cert.empty() && defaults.ssl_key.empty());
}

TEST(RabbitConfig, TlsKeysAreAccepted) {
  for (const char* class_name : {"ImpProfHandler", "AsyncImpProfHandler"}) {
    SCOPED_TRACE(class_name);
    EXPECT_EQ(rejection_of(config_with(std::string(R"({"class": ")") + class_name +
                                       R"(", "handler_name": "rabbit", "port": 1, "timeout": 0.5, "ssl": true,
            "ssl_ca": ")" + readable_file +
                                       R"(", "ssl_cert": ")" + readable_file + R"(", "ssl_key": ")" + readable_file +
                                       R"(", "ssl_verify_peer": false,
            "ssl_verify_hostname": false})")),
              "accepted");
  }
  EXPECT_EQ(rejection_of(tls_handler(R"("ssl": false)")), "accepted");
}

// The handler says where it connects when it cannot (nothing listens there
// here, or nothing it trusts: the system's trust store).
TEST(RabbitConfig, TlsWithoutAPortConnectsToAmqpsPort) {
  const std::string log = phanos::test::stderr_of([] {
    phanos::profiler().dict_config(config_with(
        R"({"class": "ImpProfHandler", "handler_name": "rabbit", "ssl": true, "timeout": 0.5, "retry": 0})"));
  });
  phanos::profiler().delete_handlers();
  EXPECT_NE(log.find("ImpProfHandler 'rabbit' (127.0.0.1:5671): cannot connect: "), std::string::npos) << log;
}

TEST(RabbitConfig, TlsErrorsNameTheKeyPath) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"("ssl": "yes")", R"(handlers.rabbit.ssl: expected true or false, got "yes")"},
      {R"("ssl": true, "ssl_verify_peer": 0)", "handlers.rabbit.ssl_verify_peer: expected true or false, got 0"},
      {R"("ssl": true, "ssl_ca": 5)", "handlers.rabbit.ssl_ca: expected a string, got 5"},
      {R"("ssl": true, "ssl_ca": "/nonexistent/ca.pem")",
       R"(handlers.rabbit.ssl_ca: cannot read "/nonexistent/ca.pem": No such file or directory)"},
      {R"("ssl": true, "ssl_key": "/")", R"(handlers.rabbit.ssl_key: cannot read "/": Is a directory)"},
      {R"("ssl": true, "ssl_cert": ")" + readable_file + "\"",
       "handlers.rabbit.ssl_cert: a client certificate needs its key: give ssl_key too"},
      {R"("ssl": true, "ssl_key": ")" + readable_file + "\"",
       "handlers.rabbit.ssl_key: a client key needs its certificate: give ssl_cert too"},
      {R"("ssl_ca": ")" + readable_file + "\"", R"(handlers.rabbit.ssl_ca: has no effect without "ssl": true)"},
      {R"("ssl": false, "ssl_verify_hostname": false)",
       R"(handlers.rabbit.ssl_verify_hostname: has no effect without "ssl": true)"},
  };
  for (const auto& [tls_keys, message] : cases) EXPECT_EQ(rejection_of(tls_handler(tls_keys)), message);
}

}  // namespace
