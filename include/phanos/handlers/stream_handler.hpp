#pragma once

#include <iostream>
#include <memory>

#include "phanos/handler.hpp"

namespace phanos {

// Writes each record as a text line (see to_text) and flushes. The lines of
// one handle() call stay together even when threads share the stream.
class StreamHandler : public Handler {
 public:
  explicit StreamHandler(std::string handler_name, std::ostream& output = std::cout);
  // Owns the stream: a file that lives as long as the handler.
  StreamHandler(std::string handler_name, std::shared_ptr<std::ostream> output);
  void handle(const std::vector<Record>& records, std::string_view profiler_name) override;

 private:
  std::shared_ptr<std::ostream> owned_output_;  // null when the stream is borrowed
  std::ostream& output_;
};

}  // namespace phanos
