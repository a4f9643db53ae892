#pragma once
// phanos' own messages, written where Config::logger says (see
// messages.hpp): by default "phanos: warning: ..." on stderr.

#include <exception>
#include <string>
#include <string_view>

#include "escaped_for_log.hpp"
#include "phanos/detail/report_once.hpp"

namespace phanos::detail {

void log_warning(std::string_view message) noexcept;
void log_error(std::string_view message) noexcept;

// Runs user code (a handler, a metric's cleanup, a hook) so that whatever it
// throws stays out of the profiled program; the first failure is logged as
// "{kind} '{name}' threw: ...".
template <class Body>
void run_reporting_failure(ReportOnce& once, std::string_view kind, std::string_view name, Body&& body) noexcept {
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
