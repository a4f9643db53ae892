#pragma once
// phanos' own messages, written where Config::logger says (see
// messages.hpp): by default "phanos: warning: ..." on stderr.

#include <atomic>
#include <exception>
#include <string>
#include <string_view>

#include "escaped_for_log.hpp"
namespace phanos::detail {

void log_warning(std::string_view message) noexcept;
void log_error(std::string_view message) noexcept;

// Lets a failure that repeats on every call be reported only the first time.
class ReportOnce {
 public:
  bool first_time() noexcept { return !reported_.exchange(true, std::memory_order_relaxed); }

 private:
  std::atomic<bool> reported_{false};
};

// Runs user code (a handler, a metric's cleanup) so that whatever it throws
// stays out of the profiled program; the first failure is logged as
// "{kind} '{name}' threw: ...".
template <class Body>
void run_reporting_failure(ReportOnce& once, std::string_view kind, std::string_view name,
                           Body&& body) noexcept {
  std::string reason;
  try {
    body();
    return;
  } catch (const std::exception& error) {
    if (!once.first_time()) return;
    try {
      reason = error.what();
    } catch (...) {
    }
  } catch (...) {
    if (!once.first_time()) return;
    reason = "an exception not derived from std::exception";
  }
  try {
    std::string message(kind);
    message += " '";
    message += escaped_for_log(name);
    message += "' threw: " + escaped_for_log(reason) + " (later failures of it are not reported)";
    log_error(message);
  } catch (...) {
  }
}

}  // namespace phanos::detail
