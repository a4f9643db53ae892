#pragma once

#include <string>
#include <variant>

#include "phanos/labels.hpp"

namespace phanos {

// A number (histogram, summary, counter, gauge), a state name (enum) or
// key/value pairs (info).
using RecordValue = std::variant<double, std::string, Labels>;

// One measurement, field for field what Python phanos puts on the wire.
struct Record {
  std::string item;    // the root call's item: the part of `method` before ':'
  std::string metric;  // the metric's type: "histogram", "summary", "counter", ...
  std::string units;
  std::string job;
  std::string method;     // context string "Item:root.child", "" outside profiled calls
  Labels labels;          // in the order given, error_raised last
  std::string operation;  // "observe", "inc", "dec", "set", "info", "state"
  RecordValue value;
};

}  // namespace phanos
