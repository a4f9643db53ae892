#pragma once
// Reads one JSON object of a dict config key by key, so that every problem
// is reported with the key's full path ("handlers.stdout.output: ...").

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace phanos::detail {

// Ordered: a Python dict keeps its order, and handlers are called in it.
using Json = nlohmann::ordered_json;

// Throws ConfigError("{path}: {problem}").
[[noreturn]] void reject(std::string_view path, std::string_view problem);

// A value as it appears in the JSON, shortened when long: `"abc"`, `5`, `[1,2]`.
std::string describe(const Json& value);

class ConfigObject {
 public:
  // Throws ConfigError unless `value` is an object. `path` is where it sits
  // in the whole configuration, empty for the top level.
  ConfigObject(const Json& value, std::string path);

  // "{path}.{key}", or just the key at the top level; the key escaped
  // (escaped_for_log.hpp), as the path only ever goes into messages.
  std::string path_of(std::string_view key) const;

  // The value under `key`, null when absent. Marks the key as known.
  const Json* find(std::string_view key);

  std::string required_string(std::string_view key);
  std::optional<std::string> optional_string(std::string_view key);
  std::optional<bool> optional_bool(std::string_view key);

  // Full paths of the keys no one asked for.
  std::vector<std::string> unknown_keys() const;

 private:
  const Json& value_;
  std::string path_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace phanos::detail
