#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "phanos/record.hpp"

namespace phanos {

// The bytes Python phanos publishes: a compact JSON array of records, numbers
// printed as Python prints floats. JSON has no NaN or infinity; they become
// null (as orjson, which Python phanos uses, writes them).
std::string to_json(const std::vector<Record>& records);

// One text line, no newline:
// "profiler: {profiler_name}, method: {method}, value: {value} {units}"
// followed by ", labels: k=v, k2=v2" when the record has labels.
std::string to_text(const Record& record, std::string_view profiler_name);
// The same line appended to `out`, for handlers that write many at once.
void append_text(std::string& out, const Record& record, std::string_view profiler_name);

}  // namespace phanos
