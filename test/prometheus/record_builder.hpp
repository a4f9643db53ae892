#pragma once
// Records for the store and exposition tests, written as a profiled
// program would produce them.

#include "incoming_record.hpp"

namespace phanos::prometheus::test {

inline IncomingRecord make_record(MetricType type, Operation operation, double number, LabelPairs labels = {},
                                  std::string method = "Service:handler", std::string units = "") {
  IncomingRecord r;
  r.type = type;
  r.units = units.empty() ? (type == MetricType::histogram ? "mS" : "items") : std::move(units);
  r.job = "app";
  r.item = "Service";
  r.method = std::move(method);
  r.labels = std::move(labels);
  r.operation = operation;
  r.number = number;
  return r;
}

inline IncomingRecord observe(double ms, LabelPairs labels = {}, std::string method = "Service:handler") {
  return make_record(MetricType::histogram, Operation::observe, ms, std::move(labels), std::move(method));
}

inline IncomingRecord state(std::string value, std::string method = "Service:handler") {
  IncomingRecord r = make_record(MetricType::enumeration, Operation::state, 0, {}, std::move(method), "enum");
  r.state = std::move(value);
  return r;
}

inline IncomingRecord info(LabelPairs pairs, LabelPairs labels = {}) {
  IncomingRecord r = make_record(MetricType::info, Operation::info, 0, std::move(labels), "Service:handler", "info");
  r.info = std::move(pairs);
  return r;
}

}  // namespace phanos::prometheus::test
