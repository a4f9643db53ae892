#include "loggers.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace phanos::detail {
namespace {

constexpr const char* own_logger_name = "phanos";
// Python phanos' LoggerHandler logs to this logger when given none.
constexpr const char* default_handler_logger_name = "PHANOS";

template <class Sink>
std::shared_ptr<spdlog::logger> new_logger(const std::string& name, const char* pattern,
                                           spdlog::level::level_enum level) {
  auto logger = std::make_shared<spdlog::logger>(name, std::make_shared<Sink>());
  logger->set_pattern(pattern);
  logger->set_level(level);
  return logger;
}

// The logger registered under `name`, or `made` registered under it, as
// Python's logging.getLogger() creates a missing logger: a later
// spdlog::get(name) finds the same one.
template <class Make>
std::shared_ptr<spdlog::logger> registered_logger(const std::string& name, Make make) {
  // Serialises phanos' own look-ups, so two threads do not both create it.
  static std::mutex creating;
  std::lock_guard<std::mutex> lock(creating);
  if (std::shared_ptr<spdlog::logger> existing = spdlog::get(name)) return existing;
  std::shared_ptr<spdlog::logger> created = make();
  try {
    spdlog::register_logger(created);
    return created;
  } catch (const spdlog::spdlog_ex&) {
    // The program registered that name meanwhile: use the program's logger.
    if (std::shared_ptr<spdlog::logger> registered = spdlog::get(name)) return registered;
    return created;
  }
}

}  // namespace

std::shared_ptr<spdlog::logger> named_logger(const std::string& name) {
  return registered_logger(
      name, [&] { return new_logger<spdlog::sinks::stderr_sink_mt>(name, "%n: %l: %v", spdlog::level::debug); });
}

std::shared_ptr<spdlog::logger> own_logger() {
  static auto* logger = new std::shared_ptr<spdlog::logger>(named_logger(own_logger_name));
  return *logger;
}

std::shared_ptr<spdlog::logger> handler_logger(const std::string& name) {
  return registered_logger(name,
                           [&] { return new_logger<spdlog::sinks::stderr_sink_mt>(name, "%v", spdlog::level::warn); });
}

std::shared_ptr<spdlog::logger> default_handler_logger() {
  static auto* logger = new std::shared_ptr<spdlog::logger>(registered_logger(default_handler_logger_name, [] {
    return new_logger<spdlog::sinks::stdout_sink_mt>(default_handler_logger_name, "%v", spdlog::level::debug);
  }));
  return *logger;
}

}  // namespace phanos::detail
