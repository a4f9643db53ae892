#pragma once

// Declarations only: programs that include phanos.hpp without using spdlog
// need not compile or link spdlog's formatting code.
#include <spdlog/fwd.h>

#include <memory>

#include "phanos/handler.hpp"

namespace phanos {

// Logs the records of each handle() call as ONE message at `level`, one
// text line per record (see to_text) joined by newlines, as Python's
// LoggerHandler does. A null logger means Python phanos' default: the logger
// "PHANOS" in spdlog's registry (created, when the program registered none,
// writing plain lines to stdout from debug up). The level defaults to debug (Python's 10);
// it is an overload rather than a default argument because spdlog's
// enumerators are not declared here.
class LoggerHandler : public Handler {
 public:
  explicit LoggerHandler(std::string handler_name, std::shared_ptr<spdlog::logger> logger = nullptr);
  LoggerHandler(std::string handler_name, std::shared_ptr<spdlog::logger> logger, spdlog::level::level_enum level);
  void handle(const std::vector<Record>& records, std::string_view profiler_name) override;

  const std::shared_ptr<spdlog::logger>& logger() const noexcept;
  spdlog::level::level_enum level() const noexcept;

 private:
  std::shared_ptr<spdlog::logger> logger_;
  spdlog::level::level_enum level_;
};

}  // namespace phanos
