#include "label_order.hpp"

#include <algorithm>

namespace phanos::detail {

LabelOrder order_of(const std::vector<std::string>& declared, const Labels& labels) {
  LabelOrder order;
  order.positions.reserve(labels.size());
  const auto undeclared = static_cast<std::uint32_t>(declared.size());
  for (const auto& label : labels) {
    const auto found = std::find(declared.begin(), declared.end(), label.first);
    const std::uint32_t position =
        found != declared.end() ? static_cast<std::uint32_t>(found - declared.begin()) : undeclared;
    order.positions.push_back(position);
    order.needs_error_raised_label = order.needs_error_raised_label || position == undeclared;
  }
  order.needs_error_raised_label = order.needs_error_raised_label || labels.size() != declared.size();
  return order;
}

}  // namespace phanos::detail
