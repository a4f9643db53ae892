#pragma once
// ImpProfHandler and AsyncImpProfHandler in a dict config, registered with
// the core by rabbitmq_component.cpp.

#include "config/handler_classes.hpp"

namespace phanos::detail {

HandlerBuilder imp_prof_handler_builder(ConfigObject& args);
HandlerBuilder async_imp_prof_handler_builder(ConfigObject& args);

}  // namespace phanos::detail
