// LoggerHandler and NamedLoggerHandler in a dict config:
// {"handler_name": ..., "logger": ..., "level": ...} and
// {"handler_name": ..., "logger_name": ..., "level": ...}.

#include "logger_handler_config.hpp"
#include "loggers.hpp"
#include "logging_level.hpp"
#include "phanos/handlers/named_logger_handler.hpp"

namespace phanos::detail {
namespace {

// Python's default: 10.
spdlog::level::level_enum level_of(ConfigObject& args) {
  const Json* level = args.find("level");
  return level ? logging_level(*level, args.path_of("level")) : spdlog::level::debug;
}

}  // namespace

HandlerBuilder logger_handler_builder(ConfigObject& args) {
  std::string name = args.required_string("handler_name");
  // Python takes a logger object here; a dict config can only name one.
  std::optional<std::string> logger_name = args.optional_string("logger");
  const spdlog::level::level_enum level = level_of(args);
  return [name, logger_name, level] {
    return std::make_shared<LoggerHandler>(name, logger_name ? handler_logger(*logger_name) : nullptr, level);
  };
}

HandlerBuilder named_logger_handler_builder(ConfigObject& args) {
  std::string name = args.required_string("handler_name");
  std::string logger_name = args.required_string("logger_name");
  const spdlog::level::level_enum level = level_of(args);
  return [name, logger_name, level] { return std::make_shared<NamedLoggerHandler>(name, logger_name, level); };
}

}  // namespace phanos::detail
