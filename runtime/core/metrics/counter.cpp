#include "phanos/metrics/counter.hpp"

namespace phanos {

std::string_view Counter::metric_type() const noexcept { return "counter"; }

bool Counter::inc(double value, const Labels& labels) {
  // Written so that NaN is rejected too.
  if (!(value >= 0)) return reject_value("inc", ">= 0");
  return record(detail::NumberOperation::inc, value, labels);
}

}  // namespace phanos
