#include "phanos/metrics/info.hpp"

#include <algorithm>

namespace phanos {
namespace {

bool keys_distinct(const Labels& pairs) {
  for (auto it = pairs.begin(); it != pairs.end(); ++it) {
    const auto same_key = [&](const auto& other) { return other.first == it->first; };
    if (std::any_of(std::next(it), pairs.end(), same_key)) return false;
  }
  return true;
}

}  // namespace

bool Info::any_key_is_a_label_name(const Labels& value) const {
  return std::any_of(value.begin(), value.end(), [&](const auto& pair) {
    return std::find(label_names().begin(), label_names().end(), pair.first) != label_names().end();
  });
}

Info::Info(std::string name, std::string job, std::string units, std::vector<std::string> label_names)
    : Metric(std::move(name), std::move(job), std::move(units), std::move(label_names)) {}

std::string_view Info::metric_type() const noexcept { return "info"; }

bool Info::info(const Labels& value, const Labels& labels) {
  // Python takes a dict, whose keys cannot repeat; prometheus_client's Info
  // refuses keys that are also the metric's label names ("Overlapping labels").
  if (!keys_distinct(value)) return reject_value("info", "with distinct keys");
  if (any_key_is_a_label_name(value)) return reject_value("info", "whose keys are not label names of the metric");
  return record("info", value, labels);
}

}  // namespace phanos
