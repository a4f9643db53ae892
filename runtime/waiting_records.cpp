#include "waiting_records.hpp"

#include <atomic>
#include <iterator>
#include <mutex>
#include <utility>

#include "thread_state.hpp"

namespace phanos::detail {
namespace {

std::atomic<std::uint64_t> clear_epoch{0};

struct SharedRecords {
  std::mutex mutex;
  std::vector<WaitingRecord> records;
};

// Never destroyed: metrics may record during static destruction.
SharedRecords& shared_records() {
  static auto* instance = new SharedRecords;
  return *instance;
}

}  // namespace

ThreadRecords::ThreadRecords() : epoch_(clear_epoch.load(std::memory_order_relaxed)) {}

void ThreadRecords::forget_if_cleared() {
  const std::uint64_t now = clear_epoch.load(std::memory_order_relaxed);
  if (epoch_ == now) return;
  records_.clear();
  epoch_ = now;
}

void ThreadRecords::add(WaitingRecord record) {
  forget_if_cleared();
  records_.push_back(std::move(record));
}

std::size_t ThreadRecords::size() {
  forget_if_cleared();
  return records_.size();
}

std::vector<WaitingRecord> ThreadRecords::take() {
  forget_if_cleared();
  return std::exchange(records_, {});
}

void store_record(std::uint64_t metric_id, Record record) {
  ThreadState* state = existing_thread_state();
  if (state != nullptr && state->current != nullptr) {
    state->records.add({metric_id, std::move(record)});
    return;
  }
  SharedRecords& shared = shared_records();
  std::lock_guard<std::mutex> lock(shared.mutex);
  shared.records.push_back({metric_id, std::move(record)});
}

std::vector<WaitingRecord> take_waiting_records(ThreadState& state) {
  std::vector<WaitingRecord> taken;
  {
    SharedRecords& shared = shared_records();
    std::lock_guard<std::mutex> lock(shared.mutex);
    taken = std::exchange(shared.records, {});
  }
  std::vector<WaitingRecord> own = state.records.take();
  taken.insert(taken.end(), std::make_move_iterator(own.begin()), std::make_move_iterator(own.end()));
  return taken;
}

void discard_waiting_records() {
  clear_epoch.fetch_add(1, std::memory_order_relaxed);
  SharedRecords& shared = shared_records();
  std::lock_guard<std::mutex> lock(shared.mutex);
  shared.records.clear();
}

}  // namespace phanos::detail
