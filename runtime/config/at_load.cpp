// What the runtime does when the program loads it, before main().

#include "loggers.hpp"

namespace phanos::detail {
namespace {

void at_load() noexcept {
  try {
    // See own_logger(): this makes spdlog's registry outlive the program's
    // static objects.
    own_logger();
  } catch (...) {
    // Looked up again at the first message.
  }
}

const bool loaded = (at_load(), true);

}  // namespace
}  // namespace phanos::detail
