#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "phanos/record.hpp"

namespace phanos {

// Receives records: once per metric per hand-over, `profiler_name` being the
// metric's name. Called from whichever thread finished a profiled call, so
// implementations must be thread-safe. What a handler throws is caught and
// reported; it never reaches the profiled program.
class Handler {
 public:
  explicit Handler(std::string handler_name);
  virtual ~Handler();
  Handler(const Handler&) = delete;
  Handler& operator=(const Handler&) = delete;

  const std::string& handler_name() const noexcept;
  virtual void handle(const std::vector<Record>& records, std::string_view profiler_name) = 0;

 private:
  std::string handler_name_;
};

}  // namespace phanos
