// PrometheusHandler in a dict config: {"handler_name": ..., "listen": ...,
// "buckets": [...], "max_series": N, "metric_names": {"TYPE:UNITS": "name"}}.

#include <cmath>

#include "listen_address.hpp"
#include "metric_naming.hpp"
#include "phanos/prometheus/prometheus_handler.hpp"
#include "prometheus_handler_config.hpp"

namespace phanos::detail {
namespace {

std::vector<double> read_buckets(const Json& value, const std::string& path) {
  if (!value.is_array() || value.empty())
    reject(path, "expected a non-empty list of increasing numbers, got " + describe(value));
  std::vector<double> bounds;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const Json& bound = value[i];
    const std::string where = path + "[" + std::to_string(i) + "]";
    if (!bound.is_number() || !std::isfinite(bound.get<double>()))
      reject(where, "expected a finite number, got " + describe(bound));
    if (!bounds.empty() && bound.get<double>() <= bounds.back())
      reject(where, "expected more than the bound before it, got " + describe(bound));
    bounds.push_back(bound.get<double>());
  }
  return bounds;
}

std::size_t read_max_series(const Json& value, const std::string& path) {
  if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 100000000)
    reject(path, "expected an integer from 1 to 100000000, got " + describe(value));
  return static_cast<std::size_t>(value.get<long long>());
}

std::vector<std::pair<std::string, std::string>> read_metric_names(const Json& value, const std::string& path) {
  if (!value.is_object()) reject(path, "expected an object {\"TYPE:UNITS\": \"name\"}, got " + describe(value));
  std::vector<std::pair<std::string, std::string>> names;
  prometheus::MetricNaming check;
  for (const auto& [type_and_units, name] : value.items()) {
    const std::string where = path + "." + type_and_units;
    if (!name.is_string()) reject(where, "expected a metric name, got " + describe(name));
    std::string error;
    if (!check.add_rule(type_and_units, name.get<std::string>(), error)) reject(where, error);
    names.emplace_back(type_and_units, name.get<std::string>());
  }
  return names;
}

}  // namespace

HandlerBuilder prometheus_handler_builder(ConfigObject& args) {
  std::string name = args.required_string("handler_name");
  PrometheusHandlerOptions options;
  options.listen = args.required_string("listen");
  prometheus::ListenAddress address;
  if (std::string error; !prometheus::parse_listen_address(options.listen, address, error))
    reject(args.path_of("listen"), error);
  if (const Json* buckets = args.find("buckets")) options.buckets = read_buckets(*buckets, args.path_of("buckets"));
  if (const Json* max_series = args.find("max_series"))
    options.max_series = read_max_series(*max_series, args.path_of("max_series"));
  if (const Json* names = args.find("metric_names"))
    options.metric_names = read_metric_names(*names, args.path_of("metric_names"));
  return [name, options] { return std::make_shared<PrometheusHandler>(name, options); };
}

}  // namespace phanos::detail
