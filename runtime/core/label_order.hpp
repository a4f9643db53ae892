#pragma once
// The order in which an operation named a metric's labels: where each given
// name stands among the names the metric declared. A thread remembers the
// orders it gave a metric (label_sets.hpp), so that labels in any order it
// used before are checked with one comparison per name, as labels in the
// declared order are, and the names of a waiting record are written at
// hand-over from the metric's own.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "phanos/labels.hpp"
#include "same_text.hpp"

namespace phanos::detail {

struct LabelOrder {
  // positions[i]: where the i-th given name stands among the declared names;
  // the number of declared names for an error_raised label given but not
  // declared.
  std::vector<std::uint32_t> positions;
  // Accepted only while the profiler adds the error_raised label: the order
  // gives that label without declaring it, or leaves out a declared one.
  bool needs_error_raised_label = false;
};

// The name at `position` of an order (see LabelOrder::positions).
inline std::string_view label_name(const std::vector<std::string>& declared, std::uint32_t position) noexcept {
  return position < declared.size() ? std::string_view(declared[position]) : error_raised_label_name;
}

// The order of `labels`, which must name the metric's labels (as
// Metric::labels_accepted() checks).
LabelOrder order_of(const std::vector<std::string>& declared, const Labels& labels);

// Whether `labels` give their names in `order`, which makes them accepted:
// an order is only made from accepted labels.
inline bool follows(const LabelOrder& order, const std::vector<std::string>& declared, const Labels& labels,
                    bool with_error_raised) noexcept {
  if (labels.size() != order.positions.size()) return false;
  if (order.needs_error_raised_label && !with_error_raised) return false;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (!same_text(labels[i].first, label_name(declared, order.positions[i]))) return false;
  }
  return true;
}

}  // namespace phanos::detail
