#include "phanos/metrics/gauge.hpp"

namespace phanos {

std::string_view Gauge::metric_type() const noexcept { return "gauge"; }

// The comparisons are written so that NaN is rejected too.
bool Gauge::inc(double value, const Labels& labels) {
  if (!(value >= 0)) return reject_value("inc", ">= 0");
  return record(detail::NumberOperation::inc, value, labels);
}

bool Gauge::dec(double value, const Labels& labels) {
  if (!(value >= 0)) return reject_value("dec", ">= 0");
  return record(detail::NumberOperation::dec, value, labels);
}

bool Gauge::set(double value, const Labels& labels) { return record(detail::NumberOperation::set, value, labels); }

}  // namespace phanos
