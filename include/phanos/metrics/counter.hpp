#pragma once

#include "phanos/metric.hpp"

namespace phanos {

class Counter : public Metric {
 public:
  using Metric::Metric;
  std::string_view metric_type() const noexcept override;
  // A counter only grows: value must be >= 0.
  bool inc(double value, const Labels& labels = {});
};

}  // namespace phanos
