#pragma once
// Where profiled threads leave their records for PrometheusHandler's server
// thread. add() copies outside the lock and holds it only to append a batch;
// take() holds it only to swap the batches out, so neither side ever waits
// for the other's work (aggregating, rendering a scrape). At most
// `capacity` records wait; a batch that would exceed it is dropped whole
// and counted.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "phanos/record.hpp"

namespace phanos::prometheus {

class RecordInbox {
 public:
  using Batch = std::vector<Record>;
  explicit RecordInbox(std::size_t capacity) : capacity_(capacity) {}

  void add(const std::vector<Record>& records);
  std::vector<Batch> take();
  std::uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::vector<Batch> batches_;
  std::size_t waiting_ = 0;  // records in batches_
  std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace phanos::prometheus
