#pragma once
// Records that keep their buffers for the next records: emptying the pool
// keeps them, so a record made in the same shape as an earlier one is
// written into that one's strings instead of allocating its own.

#include <cstddef>
#include <vector>

#include "phanos/record.hpp"

namespace phanos::detail {

class RecordPool {
 public:
  // A record to overwrite, whatever it held; it counts once add() is called.
  Record& next() {
    if (count_ == records_.size()) records_.emplace_back();
    return records_[count_];
  }
  // Keeps the record next() gave; returns its index.
  std::size_t add() noexcept { return count_++; }

  Record& operator[](std::size_t index) noexcept { return records_[index]; }
  std::size_t size() const noexcept { return count_; }
  void clear() noexcept { count_ = 0; }

 private:
  std::vector<Record> records_;
  std::size_t count_ = 0;
};

}  // namespace phanos::detail
