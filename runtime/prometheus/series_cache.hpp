#pragma once
// MetricStore's shortcut for the records that come most: a number (observe,
// inc, dec, set) for a series it already holds. Keyed by the record's raw
// fields (type, units, job, item, method and labels as they arrived), it
// gives the series' value and its metric's name without naming the metric,
// sanitising the labels or comparing label vectors in the series map again.
// Bounded: beyond `capacity` keys, records take the full path (the same
// result, only slower). A copy starts empty: its pointers would be into the
// store copied from.

#include <cstddef>
#include <string>
#include <unordered_map>

#include "incoming_record.hpp"

namespace phanos::prometheus {

template <class Value>
class SeriesCache {
 public:
  struct Entry {
    Value* value;
    const std::string* metric;
  };

  explicit SeriesCache(std::size_t capacity) : capacity_(capacity) {}
  SeriesCache(const SeriesCache& other) : capacity_(other.capacity_) {}
  SeriesCache& operator=(const SeriesCache& other) {
    entries_.clear();
    capacity_ = other.capacity_;
    return *this;
  }
  SeriesCache(SeriesCache&&) noexcept = default;
  SeriesCache& operator=(SeriesCache&&) noexcept = default;

  // The entry of `record`'s series, or nullptr; remembers its key for remember().
  const Entry* find(const IncomingRecord& record) {
    key_.clear();
    key_ += static_cast<char>(record.type);
    for (const std::string* field : {&record.units, &record.job, &record.item, &record.method}) append(*field);
    for (const auto& [name, value] : record.labels) {
      append(name);
      append(value);
    }
    const auto found = entries_.find(key_);
    return found == entries_.end() ? nullptr : &found->second;
  }

  // The series of the record last given to find().
  void remember(Entry entry) {
    if (entries_.size() < capacity_) entries_.emplace(key_, entry);
  }

  // Forgets every entry: the series they point to are gone.
  void clear() { entries_.clear(); }

 private:
  // Length-prefixed, so that no two different records make the same key.
  void append(const std::string& field) {
    key_ += std::to_string(field.size());
    key_ += ':';
    key_ += field;
  }

  std::size_t capacity_;
  std::unordered_map<std::string, Entry> entries_;
  std::string key_;  // of the last find(), its buffer reused
};

}  // namespace phanos::prometheus
