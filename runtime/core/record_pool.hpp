#pragma once
// Records that keep their buffers for the next records: emptying the pool
// keeps them, so a record made in the same shape as an earlier one is
// written into that one's strings instead of allocating its own. A slot
// keeps its record (and so its buffers) from one filling to the next, which
// lets a user of the pool remember what each slot's record was made from
// (record_batch.hpp).

#include <cstddef>
#include <utility>
#include <vector>

#include "phanos/record.hpp"

namespace phanos::detail {

class RecordPool {
 public:
  // A record to overwrite, whatever it held; it counts once add() is called.
  Record& next() { return count_ < records_.size() ? records_[count_] : next_new(); }
  // The record next() would give when it is one kept from an earlier
  // filling; null when next() would make one.
  Record* next_kept() noexcept { return count_ < records_.size() ? &records_[count_] : nullptr; }
  // Keeps the record next() gave; returns its slot.
  std::size_t add() noexcept { return count_++; }

  // Room for `count` records in all, made at once: a hand-over of a hundred
  // records would otherwise hold up to twice that while the pool grows.
  void reserve(std::size_t count) { records_.reserve(count); }
  std::size_t capacity() const noexcept { return records_.capacity(); }

  Record& operator[](std::size_t slot) noexcept { return records_[slot]; }
  std::size_t size() const noexcept { return count_; }
  void clear() noexcept { count_ = 0; }

  // The records added since clear(), as one vector (what handlers take); the
  // others are set aside with their buffers, for next() to bring back to
  // their slots.
  const std::vector<Record>& added() {
    if (records_.size() > count_) set_aside_unused();
    return records_;
  }

 private:
  [[gnu::noinline]] void set_aside_unused() {
    // Room for every record the pool has made, taken at once: growing by
    // doubling as records come one by one would hold up to twice as many,
    // and, while it grows, both the old and the new room.
    spare_.reserve(records_.size() + spare_.size());
    while (records_.size() > count_) {
      spare_.push_back(std::move(records_.back()));
      records_.pop_back();
    }
  }

  // Apart from next(), which a hand-over calls for every record, so that
  // the usual case stays small enough to inline.
  [[gnu::noinline]] Record& next_new() {
    if (spare_.empty()) {
      records_.emplace_back();
    } else {
      records_.push_back(std::move(spare_.back()));
      spare_.pop_back();
    }
    return records_[count_];
  }

  std::vector<Record> records_;
  std::vector<Record> spare_;  // the last slot's first, by added()
  std::size_t count_ = 0;
};

}  // namespace phanos::detail
