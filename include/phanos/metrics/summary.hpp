#pragma once

#include "phanos/metric.hpp"

namespace phanos {

class Summary : public Metric {
 public:
  using Metric::Metric;
  std::string_view metric_type() const noexcept override;
  bool observe(double value, const Labels& labels = {});
};

}  // namespace phanos
