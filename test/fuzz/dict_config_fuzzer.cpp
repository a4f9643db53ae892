// libFuzzer target: Profiler::dict_config on arbitrary bytes. Each call must
// either apply the configuration or throw phanos::ConfigError, and a call
// that throws must leave the profiler exactly as it was (the same registry
// snapshot, the same logger). Anything else thrown, a crash, a hang or a
// leak fails the run. When nlohmann-json reads the input as JSON, the applied
// configuration must also be what the JSON says.
//
// A StreamHandler with an "output" path appends to that file, and a
// RabbitMQ handler (ImpProfHandler, AsyncImpProfHandler) connects to a
// broker and keeps reconnecting; the fuzzer must neither write files wherever
// an input points nor open connections. So the raw bytes are given to
// dict_config only when they cannot name those (no "output", no "ImpProf",
// no backslash escape); a copy re-serialized by nlohmann-json, with every
// handler output that is a path replaced by "ext://sys.stderr" and every
// RabbitMQ handler class by "StreamHandler", goes in too.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <phanos/phanos.hpp>

#include "messages.hpp"  // runtime-internal: where its messages go
#include "registry.hpp"  // runtime-internal: the configuration in use

namespace {

// To stdout: the test runs with stderr closed (-close_fd_mask=2).
void check(bool condition, const char* what) {
  if (condition) return;
  std::printf("dict_config_fuzzer: %s\n", what);
  std::fflush(stdout);
  std::abort();
}

bool raw_input_is_safe(std::string_view text) {
  for (std::string_view unsafe : {"output", "ImpProf", "\\"}) {
    if (text.find(unsafe) != std::string_view::npos) return false;
  }
  return true;
}

// Handler outputs that are file paths become stderr; RabbitMQ handlers
// become stream handlers (their other keys are then unknown: warnings).
void neutralize_handlers(nlohmann::json& config) {
  if (!config.is_object() || !config.contains("handlers") || !config["handlers"].is_object()) return;
  for (auto& [ref, handler] : config["handlers"].items()) {
    (void)ref;
    if (!handler.is_object()) continue;
    if (handler.contains("class")) {
      nlohmann::json& handler_class = handler["class"];
      if (handler_class.is_string() && handler_class.get<std::string>().find("ImpProf") != std::string::npos) {
        handler_class = "StreamHandler";
      }
    }
    if (handler.contains("output")) {
      nlohmann::json& output = handler["output"];
      if (output.is_string() && output.get<std::string>().rfind("ext://", 0) != 0) output = "ext://sys.stderr";
    }
  }
}

// What an applied configuration must hold, where nlohmann-json can tell.
void check_applied(const nlohmann::json& config) {
  const std::shared_ptr<const phanos::detail::Registry> registry = phanos::detail::registry_snapshot();
  check(registry->configured, "applied, but the profiler is not configured");
  check(!registry->config.job.empty(), "applied without a job");
  if (!config.is_object()) return;
  if (config.contains("job") && config["job"].is_string()) {
    check(registry->config.job == config["job"].get<std::string>(), "job differs from the JSON");
  }
  const auto check_flag = [&](const char* key, bool applied) {
    if (config.contains(key) && config[key].is_boolean()) {
      check(applied == config[key].get<bool>(), "a flag differs from the JSON");
    }
  };
  check_flag("time_profile", registry->config.time_profile);
  check_flag("handle_records", registry->config.handle_records);
  check_flag("error_raised_label", registry->config.error_raised_label);
}

// Returns whether the configuration was applied.
bool feed(std::string_view text) {
  const std::shared_ptr<const phanos::detail::Registry> before = phanos::detail::registry_snapshot();
  const std::shared_ptr<phanos::detail::MessageWriter> writer_before = phanos::detail::current_writer();
  try {
    phanos::profiler().dict_config(text);
  } catch (const phanos::ConfigError& e) {
    check(phanos::detail::registry_snapshot() == before, "a rejected configuration changed the profiler");
    check(phanos::detail::current_writer() == writer_before, "a rejected configuration changed the logger");
    check(e.what()[0] != '\0', "ConfigError without a message");
    return false;
  }
  return true;  // any other exception reaches libFuzzer, which reports it
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (raw_input_is_safe(text)) {
    feed(text);
  }
  if (!parsed.is_discarded()) {
    nlohmann::json safe = parsed;
    neutralize_handlers(safe);
    if (feed(safe.dump())) check_applied(safe);
  }
  // Handlers accumulate across inputs otherwise.
  phanos::profiler().delete_handlers();
  return 0;
}
