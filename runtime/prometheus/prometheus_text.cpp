#include "prometheus_text.hpp"

#include <charconv>
#include <cmath>

namespace phanos::prometheus {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string sanitise(std::string_view name, bool colons) {
  std::string result;
  result.reserve(name.size() + 1);
  if (name.empty() || is_digit(name.front())) result += '_';
  for (const char c : name) result += is_letter(c) || is_digit(c) || (colons && c == ':') ? c : '_';
  return result;
}

}  // namespace

std::string sanitise_metric_name(std::string_view name) { return sanitise(name, /*colons=*/true); }

std::string sanitise_label_name(std::string_view name) {
  std::string result = sanitise(name, /*colons=*/false);
  if (result.compare(0, 2, "__") == 0) result.insert(0, "exported");
  return result;
}

void append_escaped_label_value(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
}

void append_number(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
  } else {
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, written.ptr);
  }
}

std::string format_number(double value) {
  std::string text;
  append_number(text, value);
  return text;
}

}  // namespace phanos::prometheus
