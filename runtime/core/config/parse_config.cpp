#include "parse_config.hpp"

#include "config_object.hpp"

namespace phanos::detail {
namespace {

constexpr std::string_view response_size_key = "response_size_profile";
constexpr std::string_view deprecated_response_size_key = "request_size_profile";

Json parse_json(std::string_view text) {
  try {
    return Json::parse(text);
  } catch (const Json::exception& error) {
    // Syntax errors, and numbers beyond a double (out_of_range.406: "1e400").
    // what() starts with "[json.exception.parse_error.101] ", of no use here.
    std::string reason = error.what();
    const std::size_t end_of_id = reason.find("] ");
    if (end_of_id != std::string::npos) reason.erase(0, end_of_id + 2);
    throw ConfigError("not valid JSON: " + reason);
  }
}

void add_unknown_keys(const ConfigObject& object, std::vector<std::string>& warnings) {
  for (const std::string& path : object.unknown_keys()) warnings.push_back(path + ": unknown key, ignored");
}

// Older Python phanos configurations say request_size_profile; it stays
// accepted as a deprecated alias of response_size_profile, with a warning.
bool response_size_profile(ConfigObject& root, std::vector<std::string>& warnings) {
  const std::optional<bool> current = root.optional_bool(response_size_key);
  const std::optional<bool> deprecated = root.optional_bool(deprecated_response_size_key);
  if (!deprecated) return current.value_or(Config{}.response_size_profile);
  if (current && *current != *deprecated) {
    reject(deprecated_response_size_key, "contradicts response_size_profile (it is its deprecated alias)");
  }
  warnings.push_back(std::string(deprecated_response_size_key) + ": deprecated, use " + std::string(response_size_key));
  return *deprecated;
}

Config read_config(ConfigObject& root, std::vector<std::string>& warnings) {
  Config config;
  config.job = root.required_string("job");
  if (config.job.empty()) reject("job", "expected a non-empty string, got \"\"");
  config.logger = root.optional_string("logger").value_or(config.logger);
  config.time_profile = root.optional_bool("time_profile").value_or(config.time_profile);
  config.response_size_profile = response_size_profile(root, warnings);
  config.handle_records = root.optional_bool("handle_records").value_or(config.handle_records);
  config.error_raised_label = root.optional_bool("error_raised_label").value_or(config.error_raised_label);
  return config;
}

std::vector<HandlerBuilder> read_handlers(ConfigObject& root, std::vector<std::string>& warnings) {
  std::vector<HandlerBuilder> builders;
  const Json* handlers = root.find("handlers");
  if (!handlers) return builders;
  ConfigObject by_reference(*handlers, "handlers");
  for (const auto& [reference, handler] : handlers->items()) {
    ConfigObject handler_config(handler, by_reference.path_of(reference));
    builders.push_back(handler_builder(handler_config));
    add_unknown_keys(handler_config, warnings);
  }
  return builders;
}

}  // namespace

ParsedConfig parse_config(std::string_view json_text) {
  const Json json = parse_json(json_text);
  ConfigObject root(json, "");
  ParsedConfig parsed;
  parsed.config = read_config(root, parsed.warnings);
  parsed.handlers = read_handlers(root, parsed.warnings);
  add_unknown_keys(root, parsed.warnings);
  return parsed;
}

std::vector<std::shared_ptr<Handler>> build_handlers(const ParsedConfig& parsed) {
  std::vector<std::shared_ptr<Handler>> handlers;
  handlers.reserve(parsed.handlers.size());
  for (const HandlerBuilder& build : parsed.handlers) handlers.push_back(build());
  return handlers;
}

}  // namespace phanos::detail
