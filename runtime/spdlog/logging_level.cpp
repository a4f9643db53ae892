#include "logging_level.hpp"

#include <algorithm>
#include <cctype>

namespace phanos::detail {
namespace {

struct PythonLevel {
  int number;
  std::string_view name;
  spdlog::level::level_enum level;
};

// Python's logging levels; NOTSET (0) has no spdlog counterpart.
constexpr PythonLevel python_levels[] = {
    {10, "DEBUG", spdlog::level::debug},    {20, "INFO", spdlog::level::info},
    {30, "WARNING", spdlog::level::warn},   {30, "WARN", spdlog::level::warn},
    {40, "ERROR", spdlog::level::err},      {50, "CRITICAL", spdlog::level::critical},
    {50, "FATAL", spdlog::level::critical},
};

std::string upper_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

const PythonLevel* find_level(const Json& value) {
  const auto matches = [&](const PythonLevel& level) {
    if (value.is_number_integer()) return value.get<long long>() == level.number;
    return value.is_string() && upper_case(value.get<std::string>()) == level.name;
  };
  const auto found = std::find_if(std::begin(python_levels), std::end(python_levels), matches);
  return found == std::end(python_levels) ? nullptr : found;
}

}  // namespace

spdlog::level::level_enum logging_level(const Json& value, std::string_view path) {
  const PythonLevel* found = find_level(value);
  if (!found) {
    reject(path, "expected a logging level (10, 20, 30, 40, 50 or DEBUG, INFO, WARNING, ERROR, CRITICAL), got " +
                     describe(value));
  }
  return found->level;
}

}  // namespace phanos::detail
