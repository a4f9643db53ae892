#include "record_conversion.hpp"

#include <variant>

namespace phanos::prometheus {
namespace {

// The operations each type has, as the collector accepts them.
std::optional<Operation> operation_of(MetricType type, const std::string& name) {
  switch (type) {
    case MetricType::histogram:
    case MetricType::summary:
      if (name == "observe") return Operation::observe;
      break;
    case MetricType::counter:
      if (name == "inc") return Operation::inc;
      break;
    case MetricType::gauge:
      if (name == "set") return Operation::set;
      if (name == "inc") return Operation::inc;
      if (name == "dec") return Operation::dec;
      break;
    case MetricType::info:
      if (name == "info") return Operation::info;
      break;
    case MetricType::enumeration:
      if (name == "state") return Operation::state;
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<IncomingRecord> to_incoming_record(const Record& record) {
  const std::optional<MetricType> type = metric_type_named(record.metric);
  if (!type) return std::nullopt;
  const std::optional<Operation> operation = operation_of(*type, record.operation);
  if (!operation) return std::nullopt;
  IncomingRecord incoming;
  incoming.type = *type;
  incoming.operation = *operation;
  incoming.units = record.units;
  incoming.job = record.job;
  incoming.item = record.item;
  incoming.method = record.method;
  incoming.labels = record.labels;
  if (const auto* number = std::get_if<double>(&record.value);
      number && *operation != Operation::info && *operation != Operation::state) {
    incoming.number = *number;
  } else if (const auto* state = std::get_if<std::string>(&record.value); state && *operation == Operation::state) {
    incoming.state = *state;
  } else if (const auto* info = std::get_if<Labels>(&record.value); info && *operation == Operation::info) {
    incoming.info = *info;
  } else {
    return std::nullopt;
  }
  return incoming;
}

}  // namespace phanos::prometheus
