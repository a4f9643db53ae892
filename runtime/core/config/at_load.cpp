// What the runtime does when the program loads it, before main().

#include <cstdio>
#include <cstdlib>

#include "config/environment.hpp"
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
  try {
    const char* value = std::getenv("PHANOS_CONFIG");
    if (!value) return;
    const std::string problem = configure_from_environment(value);
    if (!problem.empty()) std::fprintf(stderr, "%s\n", problem.c_str());
  } catch (...) {
    std::fputs("phanos: PHANOS_CONFIG could not be applied (out of memory?); profiling stays off\n", stderr);
  }
}

const bool loaded = (at_load(), true);

}  // namespace
}  // namespace phanos::detail
