#include "waiting_records.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <string>
#include <utility>

#include "forks.hpp"
#include "log.hpp"
#include "phanos/detail/call_scope.hpp"
#include "thread_state.hpp"

namespace phanos::detail {

static_assert(alignof(ContextNode) > (WaitingEntry::error_raised_bits | WaitingEntry::observation_bit) &&
                  static_cast<std::uintptr_t>(ErrorRaised::yes) <= WaitingEntry::error_raised_bits,
              "a WaitingEntry keeps ErrorRaised in the low bits of its node's address");

namespace {

std::atomic<std::uint64_t> clear_epoch{0};

struct SharedRecords {
  std::mutex mutex;
  std::vector<SharedRecord> records;
  // Lets a hand-over skip the lock when, as usual, nothing waits here.
  std::atomic<bool> waiting{false};
};

// Never destroyed: metrics may record during static destruction.
SharedRecords& shared_records() {
  static auto* instance = new SharedRecords;
  return *instance;
}

}  // namespace

void lock_shared_records() { shared_records().mutex.lock(); }
void unlock_shared_records() { shared_records().mutex.unlock(); }

ThreadRecords::ThreadRecords() : epoch_(clear_epoch.load(std::memory_order_relaxed)) {}

void ThreadRecords::forget_if_cleared() {
  const std::uint64_t now = clear_epoch.load(std::memory_order_relaxed);
  if (epoch_ == now) return;
  entries_.clear();
  wide_.clear();
  observations_.clear();
  whole_.clear();
  epoch_ = now;
}

void ThreadRecords::add_time(std::uint64_t metric_id, const ContextNode& node, Ticks elapsed,
                             ErrorRaised error_raised) {
  forget_if_cleared();
  append(WaitingEntry::time_word(node, error_raised), metric_id, elapsed);
}

[[gnu::noinline]] void ThreadRecords::append_wide(std::uintptr_t node_word, std::uint64_t metric_id,
                                                  std::int64_t payload) {
  wide_.append({metric_id, payload});
  entries_.append({node_word, WaitingEntry::wide(wide_.size() - 1)});
}

void ThreadRecords::add_observation(std::uint64_t metric_id, const ContextNode& node, ErrorRaised error_raised,
                                    const WaitingObservation& observation) {
  forget_if_cleared();
  observations_.append(observation);
  append(WaitingEntry::observation_word(node, error_raised), metric_id,
         static_cast<std::int64_t>(observations_.size() - 1));
}

Record& ThreadRecords::next_whole() {
  forget_if_cleared();
  return whole_.next();
}

void ThreadRecords::add_whole(std::uint64_t metric_id) {
  append(WaitingEntry::whole_word, metric_id, static_cast<std::int64_t>(whole_.size()));
  whole_.add();
}

std::size_t ThreadRecords::size() {
  forget_if_cleared();
  return entries_.size();
}

void ThreadRecords::take(TakenRecords& taken) {
  forget_if_cleared();
  taken.entries.clear();
  taken.wide.clear();
  taken.observations.clear();
  taken.whole.clear();
  entries_.swap(taken.entries);
  wide_.swap(taken.wide);
  observations_.swap(taken.observations);
  std::swap(whole_, taken.whole);
}

namespace {

template <class Buffer>
void give_back_buffer(Buffer& thread_buffer, Buffer& taken_buffer) noexcept {
  if (thread_buffer.capacity() != 0) return;
  taken_buffer.clear();
  std::swap(thread_buffer, taken_buffer);
}

}  // namespace

void ThreadRecords::give_back(TakenRecords& taken) noexcept {
  give_back_buffer(entries_, taken.entries);
  give_back_buffer(wide_, taken.wide);
  give_back_buffer(observations_, taken.observations);
  give_back_buffer(whole_, taken.whole);
}

ThreadRecords* records_of_current_tree() noexcept {
  ThreadState* state = existing_thread_state();
  return state != nullptr && state->current != nullptr ? &state->records : nullptr;
}

namespace {

// Appends unless `limit` records wait already; how many wait then, 0 when
// the record was not taken.
std::size_t append_shared_record(std::uint64_t metric_id, Record record, std::size_t limit) {
  SharedRecords& shared = shared_records();
  std::lock_guard<std::mutex> lock(shared.mutex);
  if (shared.records.size() >= limit) return 0;
  shared.records.push_back({metric_id, std::move(record)});
  shared.waiting.store(true, std::memory_order_release);
  return shared.records.size();
}

}  // namespace

std::size_t store_shared_record(std::uint64_t metric_id, Record record) {
  return append_shared_record(metric_id, std::move(record), std::numeric_limits<std::size_t>::max());
}

void keep_record_while_profiling_is_off(std::uint64_t metric_id, Record record) {
  static std::atomic<bool> warned{false};
  if (append_shared_record(metric_id, std::move(record), max_records_kept_while_off) != 0) return;
  if (!warned.exchange(true, std::memory_order_relaxed)) {
    log_warning("records made while profiling is off wait for it to be on again, at most " +
                std::to_string(max_records_kept_while_off) + "; later ones are dropped");
  }
}

bool shared_records_waiting() noexcept {
  // Records kept while profiling is off stay until it is on again.
  return profiling_active() && shared_records().waiting.load(std::memory_order_acquire);
}

bool records_waiting_for(ThreadState& state) { return state.records.size() > 0 || shared_records_waiting(); }

void take_waiting_records(ThreadState& state, TakenRecords& taken) {
  taken.shared.clear();
  SharedRecords& shared = shared_records();
  if (shared_records_waiting()) {
    std::lock_guard<std::mutex> lock(shared.mutex);
    std::swap(taken.shared, shared.records);
    shared.waiting.store(false, std::memory_order_relaxed);
  }
  state.records.take(taken);
}

void discard_waiting_records() {
  clear_epoch.fetch_add(1, std::memory_order_relaxed);
  SharedRecords& shared = shared_records();
  std::lock_guard<std::mutex> lock(shared.mutex);
  shared.records.clear();
  shared.waiting.store(false, std::memory_order_relaxed);
}

}  // namespace phanos::detail
