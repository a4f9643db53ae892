#pragma once
// Python phanos' dict config, as JSON text, turned into what config() and
// add_handler() take, in two steps: parse_config() checks it all,
// build_handlers() then makes the handlers (which open files, create loggers
// and connect to brokers), so that nothing is made of a configuration that
// is rejected.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "handler_classes.hpp"
#include "phanos/config.hpp"
#include "phanos/handler.hpp"

namespace phanos::detail {

struct ParsedConfig {
  Config config;
  std::vector<HandlerBuilder> handlers;  // in the order the configuration lists them
  std::vector<std::string> warnings;     // unknown keys, deprecated ones
};

// Throws ConfigError naming the key at fault and the problem.
ParsedConfig parse_config(std::string_view json_text);

std::vector<std::shared_ptr<Handler>> build_handlers(const ParsedConfig& parsed);

}  // namespace phanos::detail
