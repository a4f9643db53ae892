#include "phanos/handlers/named_logger_handler.hpp"

#include <spdlog/logger.h>

#include "loggers.hpp"

namespace phanos {

NamedLoggerHandler::NamedLoggerHandler(std::string handler_name, std::string logger_name)
    : NamedLoggerHandler(std::move(handler_name), std::move(logger_name), spdlog::level::debug) {}

NamedLoggerHandler::NamedLoggerHandler(std::string handler_name, std::string logger_name,
                                       spdlog::level::level_enum level)
    : LoggerHandler(std::move(handler_name), detail::handler_logger(logger_name), level) {}

}  // namespace phanos
