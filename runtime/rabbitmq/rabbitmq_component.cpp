// What this library does as the program loads it: its handler classes can
// be named in dict configs.

#include "config/handler_classes.hpp"
#include "rabbit_handler_config.hpp"

// Tells the core that the program links this library (config/components.cpp).
extern "C" void phanos_component_rabbitmq() {}

namespace phanos::detail {
namespace {

const bool registered = (register_component("rabbitmq", {{"ImpProfHandler", imp_prof_handler_builder},
                                                         {"AsyncImpProfHandler", async_imp_prof_handler_builder}}),
                         true);

}  // namespace
}  // namespace phanos::detail
