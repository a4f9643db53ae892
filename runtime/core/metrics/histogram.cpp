#include "phanos/metrics/histogram.hpp"

namespace phanos {

std::string_view Histogram::metric_type() const noexcept { return "histogram"; }

bool Histogram::observe(double value, const Labels& labels) {
  return record(detail::NumberOperation::observe, value, labels);
}

}  // namespace phanos
