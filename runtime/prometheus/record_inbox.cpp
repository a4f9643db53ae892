#include "record_inbox.hpp"

namespace phanos::prometheus {

void RecordInbox::add(const std::vector<Record>& records) {
  Batch batch(records);
  std::lock_guard<std::mutex> lock(mutex_);
  if (waiting_ + batch.size() > capacity_) {
    dropped_.fetch_add(batch.size(), std::memory_order_relaxed);
    return;
  }
  waiting_ += batch.size();
  batches_.push_back(std::move(batch));
}

std::vector<RecordInbox::Batch> RecordInbox::take() {
  std::vector<Batch> taken;
  std::lock_guard<std::mutex> lock(mutex_);
  taken.swap(batches_);
  waiting_ = 0;
  return taken;
}

}  // namespace phanos::prometheus
