#include "phanos/metrics/enum.hpp"

#include <algorithm>

namespace phanos {

Enum::Enum(std::string name, std::string job, std::vector<std::string> states, std::string units,
           std::vector<std::string> label_names)
    : Metric(std::move(name), std::move(job), std::move(units), std::move(label_names)), states_(std::move(states)) {}

std::string_view Enum::metric_type() const noexcept { return "enum"; }

const std::vector<std::string>& Enum::states() const noexcept { return states_; }

bool Enum::state(std::string_view value, const Labels& labels) {
  if (std::find(states_.begin(), states_.end(), value) == states_.end()) {
    std::string accepted = "in {";
    for (const std::string& state : states_) {
      if (accepted.size() > 4) accepted += ", ";
      accepted += state;
    }
    accepted += '}';
    return reject_value("state", accepted);
  }
  return record("state", std::string(value), labels);
}

}  // namespace phanos
