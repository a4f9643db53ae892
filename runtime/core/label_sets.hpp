#pragma once
// The label sets a thread gave its metrics (metric_label_sets.hpp), within a
// bound: once they hold max_label_set_bytes, new sets make their records
// whole, as outside profiled calls, until the next hand-over empties them all
// (docs/runtime-limits.md). The thread's waiting records point to its sets,
// so only its own hand-over, which takes them all, empties them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "label_order.hpp"
#include "label_set.hpp"
#include "metric_label_sets.hpp"
#include "phanos/labels.hpp"

namespace phanos::detail {

inline constexpr std::size_t max_label_set_bytes = 64 * 1024;

class LabelSets {
 public:
  // The sets of a metric; null if it has none yet and there is no room.
  MetricLabelSets* of(std::uint64_t metric_id) {
    if (last_ != nullptr && last_->metric_id() == metric_id) return last_;
    return other(metric_id);
  }
  // Keeps the order of `labels` for `metric`; null when there is no room.
  const LabelOrder* add_order(MetricLabelSets& metric, const std::vector<std::string>& declared, const Labels& labels);
  // The set of `labels`, kept now if new; null when there is no room.
  // Forced inline into its one caller, Metric::record(), as
  // MetricLabelSets::find() is.
  [[gnu::always_inline]] const LabelSet* intern(MetricLabelSets& metric, const LabelOrder& order,
                                                const Labels& labels) {
    std::uint64_t hash;
    if (const LabelSet* found = metric.find(order, labels, hash)) return found;
    return add(metric, order, labels, hash);
  }

  // Called at the end of a hand-over: empties every metric's sets once the
  // bound is reached, else those of metrics that `registered` says are not
  // registered (their records are never handed over).
  template <class IsRegistered>
  void tidy(IsRegistered registered) {
    if (bytes_ >= max_label_set_bytes) {
      clear();
      return;
    }
    for (std::size_t i = metrics_.size(); i-- > 0;) {
      if (!registered(metrics_[i]->metric_id())) drop(i);
    }
  }
  // About how much heap the thread's sets hold, their tables included.
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  MetricLabelSets* other(std::uint64_t metric_id);
  const LabelSet* add(MetricLabelSets& metric, const LabelOrder& order, const Labels& labels, std::uint64_t hash);
  void drop(std::size_t i) noexcept;
  void clear() noexcept;

  std::vector<std::unique_ptr<MetricLabelSets>> metrics_;
  MetricLabelSets* last_ = nullptr;  // the metric of the last operation
  std::size_t bytes_ = 0;
  std::uint64_t next_serial_ = 1;
};

}  // namespace phanos::detail
