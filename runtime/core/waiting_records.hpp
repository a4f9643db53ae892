#pragma once
// Records made but not yet handed to the handlers. Each thread keeps the
// records of its own call tree, so one tree's hand-over never carries another
// thread's half-finished tree and recording takes no lock. Records made
// outside any profiled call wait in one shared buffer, which the next
// hand-over on any thread takes along, as in Python; so that they never wait
// for good, they are also handed over once waiting_records_limit of them
// wait, by Profiler::flush() and flush_all(), and when a thread ends.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "append_buffer.hpp"
#include "clock.hpp"
#include "error_raised_label.hpp"
#include "phanos/metric.hpp"
#include "phanos/record.hpp"
#include "record_pool.hpp"

namespace phanos::detail {

struct ContextNode;
struct LabelSet;
struct ThreadState;

// A non-root call hands records over early once this many wait, as Python's
// RECORDS_LEN_LIMIT does, so long-running roots do not pile them up.
inline constexpr std::size_t waiting_records_limit = 100;

// An operation of a numeric metric inside a profiled call, waiting: its
// labels are a set the thread keeps (label_sets.hpp), its record is written
// at hand-over.
struct WaitingObservation {
  const LabelSet* labels;
  double value;
  NumberOperation operation;
};

// One waiting record of a thread. The time of a call, which is most records,
// is kept as its node and ticks and becomes a Record only when handed over;
// so is an operation of a numeric metric, as its node and a
// WaitingObservation kept apart; any other record is kept whole, apart.
// Three words: a thread keeps up to waiting_records_limit of them between
// hand-overs.
struct WaitingEntry {
  std::uint64_t metric_id;
  // A timed call's or an observation's node, with its ErrorRaised in the two
  // low bits and observation_bit set for an observation (a node is aligned
  // to 8 bytes); 0 for a whole record.
  std::uintptr_t node_and_error_raised;
  // A timed call's ticks; the index of the observation or of the whole
  // record otherwise.
  std::int64_t ticks_or_index;

  static WaitingEntry time(std::uint64_t metric_id, const ContextNode& node, Ticks elapsed,
                           ErrorRaised error_raised) noexcept {
    return {metric_id, reinterpret_cast<std::uintptr_t>(&node) | static_cast<std::uintptr_t>(error_raised), elapsed};
  }
  static WaitingEntry observation(std::uint64_t metric_id, const ContextNode& node, ErrorRaised error_raised,
                                  std::size_t index) noexcept {
    return {metric_id,
            reinterpret_cast<std::uintptr_t>(&node) | static_cast<std::uintptr_t>(error_raised) | observation_bit,
            static_cast<std::int64_t>(index)};
  }
  static WaitingEntry whole(std::uint64_t metric_id, std::size_t index) noexcept {
    return {metric_id, 0, static_cast<std::int64_t>(index)};
  }
  const ContextNode* node() const noexcept {
    return reinterpret_cast<const ContextNode*>(node_and_error_raised & ~(error_raised_bits | observation_bit));
  }
  ErrorRaised error_raised() const noexcept {
    return static_cast<ErrorRaised>(node_and_error_raised & error_raised_bits);
  }
  bool is_observation() const noexcept { return (node_and_error_raised & observation_bit) != 0; }

  static constexpr std::uintptr_t error_raised_bits = 3;
  static constexpr std::uintptr_t observation_bit = 4;
};
static_assert(sizeof(WaitingEntry) == 24);

struct SharedRecord {
  std::uint64_t metric_id;
  Record record;
};

using WaitingEntries = AppendBuffer<WaitingEntry, waiting_records_limit>;
using WaitingObservations = AppendBuffer<WaitingObservation, waiting_records_limit>;

// What one hand-over takes: the shared buffer's records, then the thread's.
// Kept by the thread from one hand-over to the next to reuse its capacity.
struct TakenRecords {
  std::vector<SharedRecord> shared;
  WaitingEntries entries;
  WaitingObservations observations;
  RecordPool whole;
};

// One thread's waiting records. Profiler::clear() discards them from another
// thread by moving a global epoch on; a buffer behind it empties itself on
// its next use.
class ThreadRecords {
 public:
  ThreadRecords();
  void add_time(std::uint64_t metric_id, const ContextNode& node, Ticks elapsed, ErrorRaised error_raised);
  void add_observation(std::uint64_t metric_id, const ContextNode& node, ErrorRaised error_raised,
                       const WaitingObservation& observation);
  // A whole record: fill in every field of next_whole(), then add_whole().
  Record& next_whole();
  void add_whole(std::uint64_t metric_id);
  std::size_t size();
  // Swaps the waiting records into `taken`; what `taken` held (handed over
  // already) is dropped and its buffers are reused for the next records.
  void take(TakenRecords& taken);

 private:
  void forget_if_cleared();

  WaitingEntries entries_;
  WaitingObservations observations_;
  RecordPool whole_;
  std::uint64_t epoch_;
};

// Where the calling thread's current call tree keeps its whole records;
// null outside profiled calls, where records go to store_shared_record().
ThreadRecords* records_of_current_tree() noexcept;

// Puts a record made outside profiled calls in the shared buffer; returns
// how many wait there now.
std::size_t store_shared_record(std::uint64_t metric_id, Record record);
// Whether records made outside profiled calls wait to be handed over; none
// do while profiling is off.
bool shared_records_waiting() noexcept;

// Records made while profiling is off wait in the shared buffer too, for the
// first hand-over after it is on again (Python keeps them the same way), up
// to this many; later ones are dropped, with one warning.
inline constexpr std::size_t max_records_kept_while_off = 10000;
void keep_record_while_profiling_is_off(std::uint64_t metric_id, Record record);

// Whether a hand-over on this thread would carry records: its own, or the
// shared buffer's.
bool records_waiting_for(ThreadState& state);

// Fills `taken` with the shared buffer's records and the thread's own.
void take_waiting_records(ThreadState& state, TakenRecords& taken);

// Drops every waiting record of every thread.
void discard_waiting_records();

}  // namespace phanos::detail
