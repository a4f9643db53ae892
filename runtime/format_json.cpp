#include <cmath>
#include <type_traits>
#include <variant>

#include "phanos/format.hpp"
#include "python_format.hpp"

namespace phanos {
namespace {

// The two-character escapes of json.dumps; null for every other character.
const char* short_escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return nullptr;
  }
}

// As json.dumps(ensure_ascii=False): only quotes, backslashes and control
// characters are escaped; UTF-8 is kept as is.
void append_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (const char* escape = short_escape(c)) {
      out += escape;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_number(std::string& out, double value) {
  if (std::isfinite(value)) {
    out += detail::python_float_repr(value);
  } else {
    out += "null";
  }
}

void append_object(std::string& out, const Labels& pairs, bool error_raised_as_bool) {
  out += '{';
  bool first = true;
  for (const auto& [key, value] : pairs) {
    if (!first) out += ',';
    first = false;
    append_string(out, key);
    out += ':';
    const bool is_bool =
        error_raised_as_bool && key == error_raised_label_name && (value == "true" || value == "false");
    if (is_bool) {
      out += value;
    } else {
      append_string(out, value);
    }
  }
  out += '}';
}

void append_value(std::string& out, const RecordValue& value) {
  std::visit(
      [&out](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, double>) {
          append_number(out, v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          append_string(out, v);
        } else {
          append_object(out, v, false);
        }
      },
      value);
}

void append_record(std::string& out, const Record& record) {
  out += "{\"item\":";
  append_string(out, record.item);
  out += ",\"metric\":";
  append_string(out, record.metric);
  out += ",\"units\":";
  append_string(out, record.units);
  out += ",\"job\":";
  append_string(out, record.job);
  out += ",\"method\":";
  append_string(out, record.method);
  out += ",\"labels\":";
  append_object(out, record.labels, true);
  out += ",\"value\":[";
  append_string(out, record.operation);
  out += ',';
  append_value(out, record.value);
  out += "]}";
}

}  // namespace

std::string to_json(const std::vector<Record>& records) {
  std::string out = "[";
  for (const Record& record : records) {
    if (out.size() > 1) out += ',';
    append_record(out, record);
  }
  out += ']';
  return out;
}

}  // namespace phanos
