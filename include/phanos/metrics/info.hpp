#pragma once

#include "phanos/metric.hpp"

namespace phanos {

class Info : public Metric {
 public:
  Info(std::string name, std::string job, std::string units = "info", std::vector<std::string> label_names = {});
  std::string_view metric_type() const noexcept override;
  // `value` is the information itself, e.g. {{"version", "1.2.3"}}, as
  // prometheus_client's Info takes it: its keys must be distinct and none
  // may be one of the metric's label names.
  bool info(const Labels& value, const Labels& labels = {});

 private:
  bool any_key_is_a_label_name(const Labels& value) const;
};

}  // namespace phanos
