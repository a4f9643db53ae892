#include "phanos/handlers/logger_handler.hpp"

#include <spdlog/logger.h>

#include "loggers.hpp"
#include "phanos/format.hpp"

namespace phanos {

LoggerHandler::LoggerHandler(std::string handler_name, std::shared_ptr<spdlog::logger> logger)
    : LoggerHandler(std::move(handler_name), std::move(logger), spdlog::level::debug) {}

LoggerHandler::LoggerHandler(std::string handler_name, std::shared_ptr<spdlog::logger> logger,
                             spdlog::level::level_enum level)
    : Handler(std::move(handler_name)),
      logger_(logger ? std::move(logger) : detail::default_handler_logger()),
      level_(level) {}

void LoggerHandler::handle(const std::vector<Record>& records, std::string_view profiler_name) {
  std::string text;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i > 0) text += '\n';
    append_text(text, records[i], profiler_name);
  }
  logger_->log(level_, spdlog::string_view_t(text));
}

const std::shared_ptr<spdlog::logger>& LoggerHandler::logger() const noexcept { return logger_; }

spdlog::level::level_enum LoggerHandler::level() const noexcept { return level_; }

}  // namespace phanos
