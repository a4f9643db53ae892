#include "metric_naming.hpp"

#include <optional>

#include "escaped_for_log.hpp"
#include "prometheus_text.hpp"

namespace phanos::prometheus {
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
    case MetricType::counter:
      return sanitise_metric_name(prefix + "_total");
    case MetricType::gauge:
      return sanitise_metric_name(prefix);
    case MetricType::histogram:
      return sanitise_metric_name(prefix + "_distribution");
    case MetricType::summary:
      return sanitise_metric_name(prefix + "_observations");
    case MetricType::info:
      return units == "info" ? "phanos_info" : sanitise_metric_name(prefix + "_info");
    case MetricType::enumeration:
      return units == "enum" ? "phanos_state" : sanitise_metric_name(prefix + "_state");
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
  return add_rule(rule.substr(0, equals), rule.substr(equals + 1), error);
}

bool MetricNaming::add_rule(std::string_view type_and_units, std::string_view name, std::string& error) {
  const auto colon = type_and_units.find(':');
  if (colon == std::string_view::npos || name.empty()) {
    error = "expected \"TYPE:UNITS\": \"NAME\", got \"" + detail::escaped_for_log(type_and_units) + "\": \"" +
            detail::escaped_for_log(name) + "\"";
    return false;
  }
  const std::optional<MetricType> type = metric_type_named(type_and_units.substr(0, colon));
  if (!type) {
    error = "unknown metric type \"" + detail::escaped_for_log(type_and_units.substr(0, colon)) +
            "\" (histogram, summary, counter, gauge, info, enum)";
    return false;
  }
  this->name(*type, std::string(type_and_units.substr(colon + 1)), std::string(name));
  return true;
}

}  // namespace phanos::prometheus
