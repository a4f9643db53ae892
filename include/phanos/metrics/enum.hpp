#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "phanos/metric.hpp"

namespace phanos {

class Enum : public Metric {
 public:
  Enum(std::string name, std::string job, std::vector<std::string> states, std::string units = "enum",
       std::vector<std::string> label_names = {});
  std::string_view metric_type() const noexcept override;
  const std::vector<std::string>& states() const noexcept;
  // `value` must be one of the states given at construction.
  bool state(std::string_view value, const Labels& labels = {});

 private:
  std::vector<std::string> states_;
};

}  // namespace phanos
