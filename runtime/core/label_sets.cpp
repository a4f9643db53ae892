#include "label_sets.hpp"

#include <utility>

namespace phanos::detail {

MetricLabelSets* LabelSets::other(std::uint64_t metric_id) {
  for (const std::unique_ptr<MetricLabelSets>& metric : metrics_) {
    if (metric->metric_id() == metric_id) return last_ = metric.get();
  }
  if (bytes_ >= max_label_set_bytes) return nullptr;
  last_ = metrics_.emplace_back(std::make_unique<MetricLabelSets>(metric_id)).get();
  bytes_ += last_->bytes() + sizeof(metrics_[0]);
  return last_;
}

const LabelOrder* LabelSets::add_order(MetricLabelSets& metric, const std::vector<std::string>& declared,
                                       const Labels& labels) {
  if (bytes_ >= max_label_set_bytes) return nullptr;
  const std::size_t bytes_before = metric.bytes();
  const LabelOrder* order = metric.add_order(declared, labels);
  bytes_ += metric.bytes() - bytes_before;
  return order;
}

const LabelSet* LabelSets::add(MetricLabelSets& metric, const LabelOrder& order, const Labels& labels,
                               std::uint64_t hash) {
  if (bytes_ >= max_label_set_bytes) return nullptr;
  const std::size_t bytes_before = metric.bytes();
  const LabelSet& added = metric.add(order, labels, hash, next_serial_++);
  bytes_ += metric.bytes() - bytes_before;
  return &added;
}

void LabelSets::drop(std::size_t i) noexcept {
  bytes_ -= metrics_[i]->bytes() + sizeof(metrics_[0]);
  if (last_ == metrics_[i].get()) last_ = nullptr;
  metrics_[i] = std::move(metrics_.back());
  metrics_.pop_back();
}

void LabelSets::clear() noexcept {
  metrics_.clear();
  last_ = nullptr;
  bytes_ = 0;
}

}  // namespace phanos::detail
