#pragma once
// PrometheusHandler in a dict config, registered with the core by
// prometheus_component.cpp.

#include "config/handler_classes.hpp"

namespace phanos::detail {

HandlerBuilder prometheus_handler_builder(ConfigObject& args);

}  // namespace phanos::detail
