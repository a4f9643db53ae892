#pragma once
// The handler classes a dict config can name, by their Python names.

#include <functional>
#include <memory>

#include "config_object.hpp"
#include "phanos/handler.hpp"

namespace phanos::detail {

// Makes a handler whose arguments were already checked. Building is kept
// apart from checking so that a configuration is checked whole before any
// handler opens a file or creates a logger.
using HandlerBuilder = std::function<std::shared_ptr<Handler>()>;

// Checks a handler's configuration object ({"class": ..., "handler_name":
// ..., args...}) and returns what builds it. Throws ConfigError naming the
// key at fault.
HandlerBuilder handler_builder(ConfigObject& handler_config);

}  // namespace phanos::detail
