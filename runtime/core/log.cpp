#include "log.hpp"

#include "loggers.hpp"

namespace phanos::detail {
namespace {

void write(spdlog::level::level_enum level, std::string_view message) noexcept {
  try {
    current_logger()->log(level, spdlog::string_view_t(message.data(), message.size()));
  } catch (...) {
    // Nowhere left to report it.
  }
}

}  // namespace

void log_warning(std::string_view message) noexcept { write(spdlog::level::warn, message); }

void log_error(std::string_view message) noexcept { write(spdlog::level::err, message); }

}  // namespace phanos::detail
