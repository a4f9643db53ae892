#pragma once

#include "phanos/metric.hpp"

namespace phanos {

class Gauge : public Metric {
 public:
  using Metric::Metric;
  std::string_view metric_type() const noexcept override;
  bool inc(double value, const Labels& labels = {});  // value >= 0
  bool dec(double value, const Labels& labels = {});  // value >= 0
  bool set(double value, const Labels& labels = {});
};

}  // namespace phanos
