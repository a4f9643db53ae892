#include "phanos/profiler.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "config/parse_config.hpp"
#include "hand_over.hpp"
#include "log.hpp"
#include "messages.hpp"
#include "phanos/detail/call_scope.hpp"
#include "phanos/metrics/response_size.hpp"
#include "phanos/metrics/time_profiler.hpp"
#include "registry.hpp"
#include "waiting_records.hpp"

namespace phanos {
namespace {

template <class Entry, class Name>
auto find_named(std::vector<Entry>& entries, std::string_view name, Name name_of) {
  return std::find_if(entries.begin(), entries.end(), [&](const Entry& entry) { return name_of(entry) == name; });
}

std::string_view metric_name(const detail::RegisteredMetric& entry) { return entry.metric->name(); }

std::string_view handler_name(const detail::RegisteredHandler& entry) { return entry.handler->handler_name(); }

// Same name: replaced where the old one stood, as assigning to a Python dict
// key keeps its place.
void put_metric(detail::Registry& registry, std::shared_ptr<Metric> metric, bool warn_on_replace) {
  detail::RegisteredMetric entry{std::move(metric), std::make_shared<detail::ReportOnce>()};
  const auto found = find_named(registry.metrics, entry.metric->name(), metric_name);
  if (found == registry.metrics.end()) {
    registry.metrics.push_back(std::move(entry));
    return;
  }
  if (warn_on_replace) {
    detail::log_warning("add_metric: metric '" + detail::escaped_for_log(entry.metric->name()) +
                        "' already exists, replacing it");
  }
  *found = std::move(entry);
}

// The built-ins follow the configuration: a fresh one when enabled, none
// when disabled (Python would keep one from an earlier configuration).
template <class BuiltIn>
void configure_built_in(detail::Registry& registry, std::string_view name, bool enabled) {
  if (enabled) {
    put_metric(registry, std::make_shared<BuiltIn>(std::string(name), registry.config.job), false);
    return;
  }
  const auto found = find_named(registry.metrics, name, metric_name);
  if (found != registry.metrics.end() && std::dynamic_pointer_cast<BuiltIn>(found->metric)) {
    registry.metrics.erase(found);
  }
}

// config() and dict_config() alike.
void configure(detail::Registry& registry, const Config& config) {
  registry.configured = true;
  registry.config = config;
  // response_size first, as Python's config() adds it: with both on, a
  // root's response_size records are handed over before its times.
  configure_built_in<ResponseSize>(registry, ResponseSize::built_in_name, config.response_size_profile);
  configure_built_in<TimeProfiler>(registry, TimeProfiler::built_in_name, config.time_profile);
}

// add_handler() and dict_config() alike. Same name: replaced in place.
void put_handler(detail::Registry& registry, std::shared_ptr<Handler> handler) {
  if (!registry.configured) throw std::runtime_error("Profiler not configured yet");
  detail::RegisteredHandler entry{std::move(handler), std::make_shared<detail::ReportOnce>()};
  const auto found = find_named(registry.handlers, entry.handler->handler_name(), handler_name);
  if (found == registry.handlers.end()) {
    registry.handlers.push_back(std::move(entry));
    return;
  }
  detail::log_warning("add_handler: handler '" + detail::escaped_for_log(entry.handler->handler_name()) +
                      "' already exists, replacing it");
  *found = std::move(entry);
}

}  // namespace

Profiler& profiler() {
  // Never destroyed: profiled calls may still run during static destruction.
  static auto* instance = new Profiler;
  return *instance;
}

void Profiler::config(const Config& config) {
  if (config.job.empty()) throw ConfigError("job: required, got an empty string");
  std::shared_ptr<detail::MessageWriter> writer = detail::configured_writer(config.logger);
  detail::change_registry([&](detail::Registry& registry) {
    configure(registry, config);
    // Last, when nothing can fail any more; under the registry's lock, so
    // concurrent configurations cannot pair one's logger with another's job.
    detail::use_writer(writer);
  });
}

// Checks and builds everything first, then changes the registry once: a
// rejected configuration changes nothing.
void Profiler::dict_config(std::string_view json) {
  const detail::ParsedConfig parsed = detail::parse_config(json);
  const std::vector<std::shared_ptr<Handler>> handlers = detail::build_handlers(parsed);
  std::shared_ptr<detail::MessageWriter> writer = detail::configured_writer(parsed.config.logger);
  detail::change_registry([&](detail::Registry& registry) {
    configure(registry, parsed.config);
    for (const std::shared_ptr<Handler>& handler : handlers) put_handler(registry, handler);
    detail::use_writer(writer);  // as in config()
  });
  for (const std::string& warning : parsed.warnings) detail::log_warning("dict_config: " + warning);
}

void Profiler::add_handler(std::shared_ptr<Handler> handler) {
  if (!handler) throw std::invalid_argument("add_handler: the handler is null");
  detail::change_registry([&](detail::Registry& registry) { put_handler(registry, std::move(handler)); });
}

void Profiler::delete_handler(std::string_view name) {
  detail::change_registry([&](detail::Registry& registry) {
    const auto found = find_named(registry.handlers, name, handler_name);
    if (found == registry.handlers.end()) {
      detail::log_warning("delete_handler: handler '" + detail::escaped_for_log(name) + "' does not exist");
      return;
    }
    registry.handlers.erase(found);
  });
}

void Profiler::delete_handlers() {
  detail::change_registry([](detail::Registry& registry) { registry.handlers.clear(); });
}

void Profiler::add_metric(std::shared_ptr<Metric> metric) {
  if (!metric) throw std::invalid_argument("add_metric: the metric is null");
  detail::change_registry([&](detail::Registry& registry) { put_metric(registry, std::move(metric), true); });
}

void Profiler::delete_metric(std::string_view name) {
  detail::change_registry([&](detail::Registry& registry) {
    const auto found = find_named(registry.metrics, name, metric_name);
    if (found == registry.metrics.end()) {
      detail::log_warning("delete_metric: metric '" + detail::escaped_for_log(name) + "' does not exist");
      return;
    }
    registry.metrics.erase(found);
  });
}

void Profiler::delete_metrics(bool rm_time_profile, bool rm_resp_size_profile) {
  detail::change_registry([&](detail::Registry& registry) {
    const auto deleted = [&](const detail::RegisteredMetric& entry) {
      const std::string& name = entry.metric->name();
      if (name == TimeProfiler::built_in_name) return rm_time_profile;
      if (name == ResponseSize::built_in_name) return rm_resp_size_profile;
      return true;
    };
    registry.metrics.erase(std::remove_if(registry.metrics.begin(), registry.metrics.end(), deleted),
                           registry.metrics.end());
  });
}

void Profiler::flush() { detail::hand_over_waiting_records(); }

void Profiler::flush_all() {
  detail::request_hand_over_everywhere();
  flush();
}

void Profiler::clear() {
  detail::discard_waiting_records();
  const std::shared_ptr<const detail::Registry> registry = detail::registry_snapshot();
  for (const detail::RegisteredMetric& entry : registry->metrics) {
    detail::run_reporting_failure(*entry.failures, "cleanup() of metric", entry.metric->name(),
                                  [&] { entry.metric->cleanup(); });
  }
}

std::string Profiler::job() const { return detail::registry_snapshot()->config.job; }

bool Profiler::handle_records() const { return detail::registry_snapshot()->config.handle_records; }

void Profiler::handle_records(bool enabled) {
  detail::change_registry([&](detail::Registry& registry) { registry.config.handle_records = enabled; });
}

bool Profiler::error_raised_label() const { return detail::registry_snapshot()->config.error_raised_label; }

void Profiler::error_raised_label(bool enabled) {
  detail::change_registry([&](detail::Registry& registry) { registry.config.error_raised_label = enabled; });
}

bool Profiler::needs_profiling() const { return detail::profiling_active(); }

std::size_t Profiler::records_count() const {
  detail::ThreadRecords* records = detail::records_of_current_tree();
  return records != nullptr ? records->size() : 0;
}

std::vector<std::string> Profiler::metric_names() const {
  std::vector<std::string> names;
  for (const detail::RegisteredMetric& entry : detail::registry_snapshot()->metrics)
    names.push_back(entry.metric->name());
  return names;
}

std::vector<std::string> Profiler::handler_names() const {
  std::vector<std::string> names;
  for (const detail::RegisteredHandler& entry : detail::registry_snapshot()->handlers)
    names.push_back(entry.handler->handler_name());
  return names;
}

}  // namespace phanos
