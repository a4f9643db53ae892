#include "loggers.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace phanos::detail {
namespace {

constexpr const char* own_logger_name = "phanos";

std::shared_ptr<spdlog::logger> new_stderr_logger(const std::string& name) {
  auto logger = std::make_shared<spdlog::logger>(name, std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_pattern("%n: %l: %v");
  // The logger handlers log records at debug by default (Python's level 10).
  logger->set_level(spdlog::level::debug);
  return logger;
}

}  // namespace

std::shared_ptr<spdlog::logger> named_logger(const std::string& name) {
  // Serialises phanos' own look-ups, so two threads do not both create it.
  static std::mutex creating;
  std::lock_guard<std::mutex> lock(creating);
  if (std::shared_ptr<spdlog::logger> existing = spdlog::get(name)) return existing;
  std::shared_ptr<spdlog::logger> created = new_stderr_logger(name);
  try {
    spdlog::register_logger(created);
    return created;
  } catch (const spdlog::spdlog_ex&) {
    // The program registered that name meanwhile: use the program's logger.
    if (std::shared_ptr<spdlog::logger> registered = spdlog::get(name)) return registered;
    return created;
  }
}

std::shared_ptr<spdlog::logger> own_logger() {
  static auto* logger = new std::shared_ptr<spdlog::logger>(named_logger(own_logger_name));
  return *logger;
}

}  // namespace phanos::detail
