#include <type_traits>
#include <variant>

#include "phanos/format.hpp"
#include "python_format.hpp"

namespace phanos {
namespace {

// Python's str() of the value: a float, a plain string, or a dict's repr.
void append_value_text(std::string& out, const RecordValue& value) {
  std::visit(
      [&out](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, double>) {
          detail::append_python_float_repr(out, v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          out += v;
        } else {
          out += '{';
          bool first = true;
          for (const auto& [key, item] : v) {
            if (!first) out += ", ";
            first = false;
            out += detail::python_str_repr(key);
            out += ": ";
            out += detail::python_str_repr(item);
          }
          out += '}';
        }
      },
      value);
}

// error_raised is a bool in Python, so it prints as True/False.
std::string_view label_text(const std::string& name, const std::string& value) {
  if (name == error_raised_label_name) {
    if (value == "true") return "True";
    if (value == "false") return "False";
  }
  return value;
}

}  // namespace

void append_text(std::string& out, const Record& record, std::string_view profiler_name) {
  out += "profiler: ";
  out += profiler_name;
  out += ", method: ";
  out += record.method;
  out += ", value: ";
  append_value_text(out, record.value);
  out += ' ';
  out += record.units;
  if (!record.labels.empty()) {
    out += ", labels: ";
    bool first = true;
    for (const auto& [name, value] : record.labels) {
      if (!first) out += ", ";
      first = false;
      out += name;
      out += '=';
      out += label_text(name, value);
    }
  }
}

std::string to_text(const Record& record, std::string_view profiler_name) {
  std::string line;
  append_text(line, record, profiler_name);
  return line;
}

}  // namespace phanos
