// PrometheusHandler in a dict config: its Python class names, its keys, and
// errors that name the key at fault. The class is registered as the library
// loads (runtime/prometheus/prometheus_component.cpp).

#include <gtest/gtest.h>
#include <phanos/phanos.hpp>

#include <string>

#include "http_client.hpp"

namespace {

std::string config_with(const std::string& handler) {
  return R"({"job": "unit", "handlers": {"prom": )" + handler + "}}";
}

std::string error_of(const std::string& handler) {
  try {
    phanos::profiler().dict_config(config_with(handler));
  } catch (const phanos::ConfigError& error) {
    return error.what();
  }
  phanos::profiler().delete_handlers();
  return "accepted";
}

TEST(PrometheusConfig, PythonNamesAndEveryKeyAreAccepted) {
  for (const char* class_name : {"phanos.handlers.PrometheusHandler", "PrometheusHandler"}) {
    SCOPED_TRACE(class_name);
    EXPECT_EQ(error_of(std::string(R"({"class": ")") + class_name +
                       R"(", "handler_name": "prom", "listen": "127.0.0.1:0", "buckets": [0.5, 1, 100],
                           "max_series": 50, "metric_names": {"gauge:items": "queue_length"}})"),
              "accepted");
  }
}

// A port free a moment ago (the handler's own can only be read through
// the C++ API, not from a configuration).
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

constexpr phanos::detail::Site handle_site{"handle", "Api", "Api::handle", "api.cpp", 1};

TEST(PrometheusConfig, TheConfiguredHandlerServesTheProgramsCalls) {
  const int port = free_port();
  phanos::profiler().dict_config(config_with(R"({"class": "PrometheusHandler", "handler_name": "prom",
                                                 "listen": "127.0.0.1:)" +
                                             std::to_string(port) + R"("})"));
  for (int i = 0; i < 3; ++i) phanos::detail::invoke(handle_site, [] {});
  const std::string metrics = phanos::prometheus::test::get(port, "/metrics");
  EXPECT_NE(metrics.find("time_profiler_count{job=\"unit\",item=\"Api\",method=\"Api:handle\"} 3\n"), std::string::npos)
      << metrics;
  phanos::profiler().delete_handlers();
}

TEST(PrometheusConfig, ErrorsNameTheKeyPath) {
  const std::string start = R"({"class": "PrometheusHandler", "handler_name": "prom", )";
  EXPECT_EQ(error_of(R"({"class": "PrometheusHandler", "handler_name": "prom"})"),
            "handlers.prom.listen: required key is missing");
  EXPECT_EQ(error_of(start + R"("listen": "9100"})"),
            R"(handlers.prom.listen: expected HOST:PORT or :PORT (port 0 to 65535), got "9100")");
  EXPECT_EQ(error_of(start + R"("listen": ":0", "buckets": [1, "2"]})"),
            R"(handlers.prom.buckets[1]: expected a finite number, got "2")");
  EXPECT_EQ(error_of(start + R"("listen": ":0", "buckets": [2, 1]})"),
            "handlers.prom.buckets[1]: expected more than the bound before it, got 1");
  EXPECT_EQ(error_of(start + R"("listen": ":0", "buckets": []})"),
            "handlers.prom.buckets: expected a non-empty list of increasing numbers, got []");
  EXPECT_EQ(error_of(start + R"("listen": ":0", "max_series": 0})"),
            "handlers.prom.max_series: expected an integer from 1 to 100000000, got 0");
  EXPECT_EQ(error_of(start + R"("listen": ":0", "metric_names": {"gauge:items": 3}})"),
            "handlers.prom.metric_names.gauge:items: expected a metric name, got 3");
  EXPECT_EQ(error_of(start + R"("listen": ":0", "metric_names": {"items": "x"}})"),
            R"(handlers.prom.metric_names.items: expected "TYPE:UNITS": "NAME", got "items": "x")");
}

}  // namespace
