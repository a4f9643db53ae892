#include "connection_log.hpp"

#include <cstdio>

namespace phanos::detail {
namespace {

// "1 s", "0.2 s".
std::string seconds_text(std::chrono::milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", static_cast<double>(duration.count()) / 1000);
  return text;
}

}  // namespace

std::string ConnectionLog::cannot_connect(const std::string& reason, const Backoff& backoff) {
  if (reason == last_failure_) return "";
  last_failure_ = reason;
  return who_ + ": cannot connect: " + reason + "; retrying with back-off (" + seconds_text(backoff.first()) + " to " +
         seconds_text(backoff.longest()) + "), this failure is not logged again";
}

std::string ConnectionLog::connection_lost(const std::string& reason) {
  last_failure_.clear();
  return who_ + ": connection lost: " + reason + "; reconnecting";
}

}  // namespace phanos::detail
