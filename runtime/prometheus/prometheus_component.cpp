// What this library does as the program loads it: PrometheusHandler can be
// named in dict configs.

#include "config/handler_classes.hpp"
#include "prometheus_handler_config.hpp"

// Tells the core that the program links this library (config/components.cpp).
extern "C" void phanos_component_prometheus() {}

namespace phanos::detail {
namespace {

const bool registered = (register_component("prometheus", {{"PrometheusHandler", prometheus_handler_builder}}), true);

}  // namespace
}  // namespace phanos::detail
