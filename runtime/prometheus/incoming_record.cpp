#include "incoming_record.hpp"

#include "wire_contract.hpp"

namespace phanos::prometheus {

const char* wire_name(MetricType type) {
  switch (type) {
    case MetricType::histogram:
      return wire::histogram.data();
    case MetricType::summary:
      return wire::summary.data();
    case MetricType::counter:
      return wire::counter.data();
    case MetricType::gauge:
      return wire::gauge.data();
    case MetricType::info:
      return wire::info.data();
    case MetricType::enumeration:
      return wire::enumeration.data();
  }
  return "unknown";
}

std::optional<MetricType> metric_type_named(std::string_view name) {
  for (const MetricType type : {MetricType::histogram, MetricType::summary, MetricType::counter, MetricType::gauge,
                                MetricType::info, MetricType::enumeration}) {
    if (name == wire_name(type)) return type;
  }
  return std::nullopt;
}

}  // namespace phanos::prometheus
