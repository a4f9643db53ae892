#include "metric_label_sets.hpp"

#include <utility>

namespace phanos::detail {
namespace {

constexpr std::size_t first_index_size = 16;

// What a string holds on the heap beyond itself; short ones hold nothing.
std::size_t heap_bytes(const std::string& text) noexcept {
  return text.capacity() > std::string().capacity() ? text.capacity() + 1 : 0;
}

}  // namespace

const LabelOrder* MetricLabelSets::other_known_order(const std::vector<std::string>& declared, const Labels& labels,
                                                     bool with_error_raised) noexcept {
  for (const std::unique_ptr<LabelOrder>& order : orders_) {
    if (order.get() != last_order_ && follows(*order, declared, labels, with_error_raised)) {
      return last_order_ = order.get();
    }
  }
  return nullptr;
}

const LabelOrder* MetricLabelSets::add_order(const std::vector<std::string>& declared, const Labels& labels) {
  if (orders_.size() == max_orders) return nullptr;
  const LabelOrder& order = *orders_.emplace_back(std::make_unique<LabelOrder>(order_of(declared, labels)));
  bytes_ += sizeof(LabelOrder) + order.positions.capacity() * sizeof(std::uint32_t) + sizeof(orders_[0]);
  return last_order_ = &order;
}

const LabelSet* MetricLabelSets::find_hashed(const LabelOrder& order, const Labels& labels,
                                             std::uint64_t hash) noexcept {
  if (index_.empty()) return nullptr;
  const std::size_t mask = index_.size() - 1;
  for (std::size_t slot = hash & mask; index_[slot] != 0; slot = (slot + 1) & mask) {
    const LabelSet& set = *sets_[index_[slot] - 1];
    if (set.hash == hash && set.order == &order && set.same_values(labels)) return last_set_ = &set;
  }
  return nullptr;
}

const LabelSet& MetricLabelSets::add(const LabelOrder& order, const Labels& labels, std::uint64_t hash,
                                     std::uint64_t serial) {
  auto set = std::make_unique<LabelSet>(LabelSet{&order, {}, {}, hash, serial});
  set->ends.reserve(labels.size());
  for (const auto& label : labels) {
    set->values += label.second;
    set->ends.push_back(static_cast<std::uint32_t>(set->values.size()));
  }
  if (2 * (sets_.size() + 1) > index_.size()) grow_index();
  const std::size_t capacity_before = sets_.capacity();
  sets_.push_back(std::move(set));
  place(static_cast<std::uint32_t>(sets_.size() - 1));
  const LabelSet& added = *sets_.back();
  bytes_ += sizeof(LabelSet) + heap_bytes(added.values) + added.ends.capacity() * sizeof(std::uint32_t) +
            (sets_.capacity() - capacity_before) * sizeof(sets_[0]);
  return *(last_set_ = &added);
}

void MetricLabelSets::place(std::uint32_t set_index) {
  const std::size_t mask = index_.size() - 1;
  std::size_t slot = sets_[set_index]->hash & mask;
  while (index_[slot] != 0) slot = (slot + 1) & mask;
  index_[slot] = set_index + 1;
}

void MetricLabelSets::grow_index() {
  const std::size_t size_before = index_.size();
  index_.assign(size_before == 0 ? first_index_size : 2 * size_before, 0);
  for (std::uint32_t i = 0; i < sets_.size(); ++i) place(i);
  bytes_ += (index_.size() - size_before) * sizeof(std::uint32_t);
}

}  // namespace phanos::detail
