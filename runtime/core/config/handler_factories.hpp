#pragma once
// One function per available handler class: reads its arguments from its
// configuration object (all but "class") and returns its builder.

#include "handler_classes.hpp"

namespace phanos::detail {

HandlerBuilder stream_handler_builder(ConfigObject& args);
HandlerBuilder logger_handler_builder(ConfigObject& args);
HandlerBuilder named_logger_handler_builder(ConfigObject& args);
HandlerBuilder imp_prof_handler_builder(ConfigObject& args);
HandlerBuilder async_imp_prof_handler_builder(ConfigObject& args);

}  // namespace phanos::detail
