#pragma once
// Python phanos' dict config, as JSON text, turned into what config() and
// add_handler() take.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phanos/config.hpp"
#include "phanos/handler.hpp"

namespace phanos::detail {

struct ParsedConfig {
  Config config;
  std::vector<std::shared_ptr<Handler>> handlers;  // in the order the configuration lists them
  std::vector<std::string> warnings;               // unknown keys, deprecated ones
};

// Throws ConfigError naming the key at fault and the problem. Checks the
// whole configuration before making any handler.
ParsedConfig parse_config(std::string_view json_text);

}  // namespace phanos::detail
