#include <type_traits>
#include <variant>

#include "phanos/format.hpp"
#include "python_format.hpp"

namespace phanos {
namespace {

// Python's str() of the value: a float, a plain string, or a dict's repr.
std::string value_text(const RecordValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, double>) {
          return detail::python_float_repr(v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          return v;
        } else {
          std::string text = "{";
          for (const auto& [key, item] : v) {
            if (text.size() > 1) text += ", ";
            text += detail::python_str_repr(key);
            text += ": ";
            text += detail::python_str_repr(item);
          }
          text += '}';
          return text;
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

std::string to_text(const Record& record, std::string_view profiler_name) {
  std::string line = "profiler: ";
  line += profiler_name;
  line += ", method: ";
  line += record.method;
  line += ", value: ";
  line += value_text(record.value);
  line += ' ';
  line += record.units;
  if (!record.labels.empty()) {
    line += ", labels: ";
    bool first = true;
    for (const auto& [name, value] : record.labels) {
      if (!first) line += ", ";
      first = false;
      line += name;
      line += '=';
      line += label_text(name, value);
    }
  }
  return line;
}

}  // namespace phanos
