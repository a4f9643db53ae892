#pragma once

#include <stdexcept>
#include <string>

namespace phanos {

// Defaults follow the phanos README, not Python 0.3.2's code, which defaults
// error_raised_label to true.
struct Config {
  std::string job;     // required: the Prometheus job label and RabbitMQ routing key
  std::string logger;  // empty: phanos' own logger
  bool time_profile = true;
  bool response_size_profile = false;
  bool handle_records = true;
  bool error_raised_label = false;
};

// A configuration was rejected; the message starts with the offending key.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace phanos
