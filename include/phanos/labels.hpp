#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace phanos {

// Label values (or an Info value) as name/value pairs. A vector rather than a
// map because records keep the order the caller gave, as Python's dicts do.
using Labels = std::vector<std::pair<std::string, std::string>>;

// The label the profiler appends to every record when
// Config::error_raised_label is on. Its value is "true" or "false"; JSON
// carries it as a boolean and text as Python's True/False.
inline constexpr std::string_view error_raised_label_name = "error_raised";

}  // namespace phanos
