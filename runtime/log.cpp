#include "log.hpp"

#include <cstdio>

namespace phanos::detail {
namespace {

void write_line(std::string_view level, std::string_view message) noexcept {
  // One fwrite per message so that messages from several threads do not mix.
  try {
    std::string line = "phanos: ";
    line += level;
    line += ": ";
    line += message;
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
  } catch (...) {
  }
}

}  // namespace

void log_warning(std::string_view message) noexcept { write_line("warning", message); }

void log_error(std::string_view message) noexcept { write_line("error", message); }

}  // namespace phanos::detail
