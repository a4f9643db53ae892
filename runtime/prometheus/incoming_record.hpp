#pragma once
// One record as it arrives from a profiled program (the wire format, docs/collector.md): the fields of
// the JSON object, checked and typed. The wire carries the metric's type and
// units but not the name it has in the program (Python phanos publishes no
// name), so metric_naming.hpp decides the Prometheus name.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace phanos::prometheus {

using LabelPairs = std::vector<std::pair<std::string, std::string>>;  // order kept

enum class MetricType { histogram, summary, counter, gauge, info, enumeration };
enum class Operation { observe, inc, dec, set, info, state };

struct IncomingRecord {
  MetricType type = MetricType::histogram;
  std::string units, job, item, method;
  LabelPairs labels;  // error_raised as "true"/"false"
  Operation operation = Operation::observe;
  double number = 0;  // observe, inc, dec, set
  std::string state;  // enum
  LabelPairs info;    // info
};

// The record's "metric" field for each type ("enum" for enumeration).
const char* wire_name(MetricType type);
// The type of a "metric" field; empty for none of them.
std::optional<MetricType> metric_type_named(std::string_view name);

}  // namespace phanos::prometheus
