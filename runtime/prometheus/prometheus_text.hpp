#pragma once
// The lexical rules of Prometheus' text exposition format (0.0.4): which
// names are valid, how label values are escaped, how numbers are written.

#include <string>
#include <string_view>

namespace phanos::prometheus {

// [a-zA-Z_:][a-zA-Z0-9_:]*: every other character becomes '_', and a leading
// digit gets a '_' in front. Empty becomes "_".
std::string sanitise_metric_name(std::string_view name);

// [a-zA-Z_][a-zA-Z0-9_]* likewise; names starting with "__" are Prometheus'
// own, so they get "exported" in front ("__x" -> "exported__x").
std::string sanitise_label_name(std::string_view name);

// Backslash, double quote and line feed escaped, as inside `label="..."`.
void append_escaped_label_value(std::string& out, std::string_view value);

// Shortest text that reads back as the same double; +Inf, -Inf, NaN.
void append_number(std::string& out, double value);
std::string format_number(double value);

}  // namespace phanos::prometheus
