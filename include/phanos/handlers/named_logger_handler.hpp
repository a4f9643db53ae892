#pragma once

#include "phanos/handlers/logger_handler.hpp"

namespace phanos {

// A LoggerHandler whose logger is found by name in spdlog's registry, once,
// at construction (Python's logging.getLogger(name) in the constructor too).
// A name nobody registered yet gets what a Python logger nobody configured
// does: a new logger writing only warnings and worse, as plain lines on
// stderr (so at the default level, debug, nothing shows), registered under
// that name, so the program can still reach it with spdlog::get(name) and
// change its sinks or level; registering another logger under that name
// afterwards fails, as spdlog refuses duplicate names.
class NamedLoggerHandler : public LoggerHandler {
 public:
  NamedLoggerHandler(std::string handler_name, std::string logger_name);  // level debug
  NamedLoggerHandler(std::string handler_name, std::string logger_name, spdlog::level::level_enum level);
};

}  // namespace phanos
