#pragma once
// The parameters of a URL's query string ("job=a%20b&window=5m"), decoded
// as browsers encode forms: %XX escapes, '+' for a space. A name given
// twice keeps its first value.

#include <map>
#include <string>
#include <string_view>

namespace phanos::prometheus {

std::map<std::string, std::string> parse_query(std::string_view query);

}  // namespace phanos::prometheus
