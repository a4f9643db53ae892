// What the runtime does when the program loads it, before main(): reads
// PHANOS_CONFIG, and applies it as soon as the component libraries the
// program links have registered their handler classes. Those load after
// the core (they depend on it), so the last of them applies it.

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "config/components.hpp"
#include "config/environment.hpp"

namespace phanos::detail {
namespace {

std::mutex applying;
const char* waiting_config = nullptr;  // guarded by applying

void at_load() noexcept {
  {
    std::lock_guard<std::mutex> lock(applying);
    waiting_config = std::getenv("PHANOS_CONFIG");
  }
  apply_environment_config_when_ready();
}

const bool loaded = (at_load(), true);

}  // namespace

void apply_environment_config_when_ready() noexcept {
  std::lock_guard<std::mutex> lock(applying);
  if (!waiting_config || !linked_components_loaded()) return;
  const char* value = waiting_config;
  waiting_config = nullptr;
  try {
    const std::string problem = configure_from_environment(value);
    if (!problem.empty()) std::fprintf(stderr, "%s\n", problem.c_str());
  } catch (...) {
    std::fputs("phanos: PHANOS_CONFIG could not be applied (out of memory?); profiling stays off\n", stderr);
  }
}

}  // namespace phanos::detail
