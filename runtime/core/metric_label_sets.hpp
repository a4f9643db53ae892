#pragma once
// The label orders and label sets that one thread gave one metric. The usual
// operation gives the labels of the one before and finds them with one
// comparison per name and per value, hashing nothing; a set seen before
// otherwise takes one hash of its values and one comparison. Only the thread
// itself uses it: no lock.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "label_order.hpp"
#include "label_set.hpp"
#include "phanos/labels.hpp"

namespace phanos::detail {

class MetricLabelSets {
 public:
  // Orders kept per metric and thread; labels in yet another order make
  // their record whole, as outside profiled calls.
  static constexpr std::size_t max_orders = 8;

  explicit MetricLabelSets(std::uint64_t metric_id) noexcept : metric_id_(metric_id) {}
  std::uint64_t metric_id() const noexcept { return metric_id_; }
  // About how much heap this holds, itself included.
  std::size_t bytes() const noexcept { return bytes_; }

  // known_order() and find() are forced inline into their one caller,
  // Metric::record(): as calls of their own, each saved every register.

  // A kept order that `labels` follow (and so are accepted in); null if none.
  [[gnu::always_inline]] const LabelOrder* known_order(const std::vector<std::string>& declared, const Labels& labels,
                                                       bool with_error_raised) noexcept {
    if (last_order_ != nullptr && follows(*last_order_, declared, labels, with_error_raised)) return last_order_;
    return other_known_order(declared, labels, with_error_raised);
  }
  // Keeps the order of `labels`, which the metric accepted; null when
  // max_orders are kept already.
  const LabelOrder* add_order(const std::vector<std::string>& declared, const Labels& labels);

  // The kept set of `labels` given in `order`; null if none, and then
  // `hash` is label_values_hash(labels), for add().
  [[gnu::always_inline]] const LabelSet* find(const LabelOrder& order, const Labels& labels,
                                              std::uint64_t& hash) noexcept {
    if (last_set_ != nullptr && last_set_->order == &order && last_set_->same_values(labels)) return last_set_;
    hash = label_values_hash(labels);
    return find_hashed(order, labels, hash);
  }
  // Keeps the set of `labels`, which find() did not find.
  const LabelSet& add(const LabelOrder& order, const Labels& labels, std::uint64_t hash, std::uint64_t serial);

 private:
  const LabelOrder* other_known_order(const std::vector<std::string>& declared, const Labels& labels,
                                      bool with_error_raised) noexcept;
  const LabelSet* find_hashed(const LabelOrder& order, const Labels& labels, std::uint64_t hash) noexcept;
  void place(std::uint32_t set_index);
  void grow_index();

  std::uint64_t metric_id_;
  std::vector<std::unique_ptr<LabelOrder>> orders_;
  std::vector<std::unique_ptr<LabelSet>> sets_;
  // Open addressing by hash, a power of two long and at most half full:
  // 1 + an index into sets_, or 0 for an empty slot.
  std::vector<std::uint32_t> index_;
  const LabelOrder* last_order_ = nullptr;
  const LabelSet* last_set_ = nullptr;
  std::size_t bytes_ = sizeof(MetricLabelSets);
};

}  // namespace phanos::detail
