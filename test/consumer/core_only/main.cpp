// A consumer of phanos' core alone (test/consumer/core_only.cmake): a dict
// config with the core's StreamHandler, then one naming a RabbitMQ handler,
// whose component this program does not link.
#include <phanos/phanos.hpp>

#include <iostream>

int main() {
  phanos::profiler().dict_config(
      R"({"job": "core", "handlers": {"out": {"class": "StreamHandler", "handler_name": "out"}}})");
  for (const std::string& name : phanos::profiler().handler_names()) std::cout << "handler: " << name << "\n";
  try {
    phanos::profiler().dict_config(
        R"({"job": "core", "handlers": {"rabbit": {"class": "ImpProfHandler", "handler_name": "rabbit"}}})");
    std::cout << "ImpProfHandler accepted\n";
  } catch (const phanos::ConfigError& error) {
    std::cout << "ConfigError: " << error.what() << "\n";
  }
}
