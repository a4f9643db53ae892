#include "log.hpp"

#include "messages.hpp"

namespace phanos::detail {
namespace {

void write(MessageLevel level, std::string_view message) noexcept {
  try {
    current_writer()->write(level, message);
  } catch (...) {
    // Nowhere left to report it.
  }
}

}  // namespace

void log_warning(std::string_view message) noexcept { write(MessageLevel::warning, message); }

void log_error(std::string_view message) noexcept { write(MessageLevel::error, message); }

}  // namespace phanos::detail
