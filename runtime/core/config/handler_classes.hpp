#pragma once
// The handler classes a dict config can name, by their Python names: the
// core's own, and those the component libraries register as they load.

#include <functional>
#include <initializer_list>
#include <memory>
#include <string_view>

#include "config_object.hpp"
#include "phanos/handler.hpp"

namespace phanos::detail {

// Makes a handler whose arguments were already checked. Building is kept
// apart from checking so that a configuration is checked whole before any
// handler opens a file or creates a logger.
using HandlerBuilder = std::function<std::shared_ptr<Handler>()>;

// Reads a handler class's arguments from its configuration object (all but
// "class") and returns its builder; throws ConfigError naming the key at
// fault.
using HandlerArgsReader = HandlerBuilder (*)(ConfigObject& args);

struct HandlerClass {
  std::string_view name;  // a string literal: kept for the program's life
  HandlerArgsReader read_args;
};

// Called by a component's library as it loads (a static object of its
// own): its classes can be named from then on, and a PHANOS_CONFIG that
// waited for the program's components is applied once the last one loaded.
// Out of memory, the classes stay unknown (a dict config naming them is
// rejected).
void register_component(std::string_view component, std::initializer_list<HandlerClass> classes) noexcept;

// Checks a handler's configuration object ({"class": ..., "handler_name":
// ..., args...}) and returns what builds it. Throws ConfigError naming the
// key at fault, and the component to link for a class of one not linked.
HandlerBuilder handler_builder(ConfigObject& handler_config);

// The core's own: StreamHandler.
HandlerBuilder stream_handler_builder(ConfigObject& args);

}  // namespace phanos::detail
