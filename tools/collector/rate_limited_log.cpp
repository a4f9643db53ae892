#include "rate_limited_log.hpp"

#include <spdlog/spdlog.h>

namespace phanos::collector {

void RateLimitedLog::warn(const std::string& kind, const std::string& message, Clock::time_point now) {
  auto [entry, first] = kinds_.try_emplace(kind);
  Kind& state = entry->second;
  if (!first && now - state.last_logged < interval_) {
    ++state.suppressed;
    return;
  }
  if (state.suppressed > 0) {
    spdlog::warn("{} ({} more like it since the last such line)", message, state.suppressed);
  } else {
    spdlog::warn("{}", message);
  }
  state.last_logged = now;
  state.suppressed = 0;
}

}  // namespace phanos::collector
