#pragma once
// One set of label values that a thread gave a metric, kept (interned) so
// that an operation giving the same values again finds it instead of copying
// them: its waiting record points to it, and the record's labels are written
// from it at hand-over (metric_label_sets.hpp).

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "label_order.hpp"
#include "phanos/labels.hpp"
#include "same_text.hpp"

namespace phanos::detail {

struct LabelSet {
  const LabelOrder* order;          // the order the names were given in
  std::string values;               // the values in that order, one after another
  std::vector<std::uint32_t> ends;  // where each value ends in `values`
  std::uint64_t hash;               // label_values_hash() of the values
  // Unique among the sets the thread ever made, even after they are gone,
  // so that a hand-over recognises the set a record was last made from.
  std::uint64_t serial;

  std::string_view value(std::size_t i) const noexcept {
    const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(values).substr(begin, ends[i] - begin);
  }

  // Whether `labels` (in this set's order) have these values.
  bool same_values(const Labels& labels) const noexcept {
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (!same_text(labels[i].second, std::string_view(values.data() + begin, ends[i] - begin))) return false;
      begin = ends[i];
    }
    return true;
  }
};

// One hash of the values of `labels`, taken as one text with each value's
// length before it, read 8 bytes at a time.
inline std::uint64_t label_values_hash(const Labels& labels) noexcept {
  constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ull;
  const auto mix = [](std::uint64_t hash, std::uint64_t word) {
    hash = (hash ^ word) * multiplier;
    return hash ^ (hash >> 32);
  };
  std::uint64_t hash = labels.size();
  for (const auto& label : labels) {
    const std::string& value = label.second;
    hash = mix(hash, value.size());
    std::size_t at = 0;
    for (; at + 8 <= value.size(); at += 8) {
      std::uint64_t word;
      std::memcpy(&word, value.data() + at, 8);
      hash = mix(hash, word);
    }
    if (at < value.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, value.data() + at, value.size() - at);
      hash = mix(hash, word);
    }
  }
  return hash;
}

}  // namespace phanos::detail
