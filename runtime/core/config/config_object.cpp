#include "config_object.hpp"

#include "escaped_for_log.hpp"
#include "phanos/config.hpp"

namespace phanos::detail {
namespace {

// Long values (a whole object given where a string was expected) would
// drown the message.
constexpr std::size_t longest_description = 60;

std::string expected(std::string_view what, const Json& got) {
  return "expected " + std::string(what) + ", got " + describe(got);
}

}  // namespace

void reject(std::string_view path, std::string_view problem) {
  std::string message(path);
  message += ": ";
  message += problem;
  throw ConfigError(message);
}

std::string describe(const Json& value) {
  std::string text = value.dump();
  if (text.size() > longest_description) text = text.substr(0, longest_description - 3) + "...";
  return text;
}

ConfigObject::ConfigObject(const Json& value, std::string path) : value_(value), path_(std::move(path)) {
  if (value_.is_object()) return;
  if (path_.empty()) throw ConfigError(expected("a JSON object at the top level", value_));
  reject(path_, expected("an object", value_));
}

std::string ConfigObject::path_of(std::string_view key) const {
  if (path_.empty()) return escaped_for_log(key);
  return path_ + "." + escaped_for_log(key);
}

const Json* ConfigObject::find(std::string_view key) {
  known_.emplace(key);
  const auto found = value_.find(key);
  return found == value_.end() ? nullptr : &*found;
}

std::string ConfigObject::required_string(std::string_view key) {
  std::optional<std::string> value = optional_string(key);
  if (!value) reject(path_of(key), "required key is missing");
  return *value;
}

std::optional<std::string> ConfigObject::optional_string(std::string_view key) {
  const Json* value = find(key);
  if (!value) return std::nullopt;
  if (!value->is_string()) reject(path_of(key), expected("a string", *value));
  return value->get<std::string>();
}

std::optional<bool> ConfigObject::optional_bool(std::string_view key) {
  const Json* value = find(key);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) reject(path_of(key), expected("true or false", *value));
  return value->get<bool>();
}

std::vector<std::string> ConfigObject::unknown_keys() const {
  std::vector<std::string> unknown;
  for (const auto& [key, value] : value_.items()) {
    if (known_.find(key) == known_.end()) unknown.push_back(path_of(key));
  }
  return unknown;
}

}  // namespace phanos::detail
