#include "phanos/metrics/summary.hpp"

namespace phanos {

std::string_view Summary::metric_type() const noexcept { return "summary"; }

bool Summary::observe(double value, const Labels& labels) {
  return record(detail::NumberOperation::observe, value, labels);
}

}  // namespace phanos
