#pragma once
// LoggerHandler and NamedLoggerHandler in a dict config, registered with
// the core by spdlog_component.cpp.

#include "config/handler_classes.hpp"

namespace phanos::detail {

HandlerBuilder logger_handler_builder(ConfigObject& args);
HandlerBuilder named_logger_handler_builder(ConfigObject& args);

}  // namespace phanos::detail
