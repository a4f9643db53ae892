#include "metric_naming.hpp"

#include <optional>

#include "escaped_for_log.hpp"
#include "prometheus_text.hpp"

namespace phanos::collector {
namespace {

std::optional<MetricType> type_named(std::string_view name) {
  for (const MetricType type : {MetricType::histogram, MetricType::summary, MetricType::counter, MetricType::gauge,
                                MetricType::info, MetricType::enumeration}) {
    if (name == wire_name(type)) return type;
  }
  return std::nullopt;
}

}  // namespace

MetricNaming::MetricNaming() {
  name(MetricType::histogram, "mS", "time_profiler");
  name(MetricType::histogram, "B", "response_size");
}

void MetricNaming::name(MetricType type, std::string units, std::string name) {
  rules_[{type, std::move(units)}] = sanitise_metric_name(name);
}

std::string MetricNaming::name_of(MetricType type, const std::string& units) const {
  if (const auto rule = rules_.find({type, units}); rule != rules_.end()) return rule->second;
  const std::string prefix = "phanos_" + units;
  switch (type) {
    case MetricType::counter: return sanitise_metric_name(prefix + "_total");
    case MetricType::gauge: return sanitise_metric_name(prefix);
    case MetricType::histogram: return sanitise_metric_name(prefix + "_distribution");
    case MetricType::summary: return sanitise_metric_name(prefix + "_observations");
    case MetricType::info: return units == "info" ? "phanos_info" : sanitise_metric_name(prefix + "_info");
    case MetricType::enumeration: return units == "enum" ? "phanos_state" : sanitise_metric_name(prefix + "_state");
  }
  return sanitise_metric_name(prefix);
}

bool MetricNaming::add_rule(std::string_view rule, std::string& error) {
  const auto colon = rule.find(':');
  const auto equals = rule.find('=', colon == std::string_view::npos ? 0 : colon);
  if (colon == std::string_view::npos || equals == std::string_view::npos || equals + 1 == rule.size()) {
    error = "expected TYPE:UNITS=NAME, got \"" + detail::escaped_for_log(rule) + "\"";
    return false;
  }
  const std::optional<MetricType> type = type_named(rule.substr(0, colon));
  if (!type) {
    error = "unknown metric type \"" + detail::escaped_for_log(rule.substr(0, colon)) +
            "\" (histogram, summary, counter, gauge, info, enum)";
    return false;
  }
  name(*type, std::string(rule.substr(colon + 1, equals - colon - 1)), std::string(rule.substr(equals + 1)));
  return true;
}

}  // namespace phanos::collector
