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
// Two words: a thread keeps up to waiting_records_limit of them between
// hand-overs (bench/README.md, the memory table).
struct WaitingEntry {
  // A timed call's or an observation's node, with its ErrorRaised in the two
  // low bits and observation_bit set for an observation (a node is aligned
  // to 8 bytes); 0 for a whole record.
  std::uintptr_t node_and_error_raised;
  // The metric's id in the low id_bits and above them the payload: a timed
  // call's ticks, or the index of the observation or of the whole record.
  // An id or a payload that does not fit leaves the low bits 0 (ids start
  // at 1) and puts above them the index of a WideEntry holding both.
  std::uint64_t metric_and_payload;

  static constexpr unsigned id_bits = 16;
  static constexpr std::uint64_t id_mask = (std::uint64_t{1} << id_bits) - 1;
  static constexpr std::uintptr_t error_raised_bits = 3;
  static constexpr std::uintptr_t observation_bit = 4;

  static std::uintptr_t time_word(const ContextNode& node, ErrorRaised error_raised) noexcept {
    return reinterpret_cast<std::uintptr_t>(&node) | static_cast<std::uintptr_t>(error_raised);
  }
  static std::uintptr_t observation_word(const ContextNode& node, ErrorRaised error_raised) noexcept {
    return time_word(node, error_raised) | observation_bit;
  }
  static constexpr std::uintptr_t whole_word = 0;

  // Whether the id and the payload share one word (a negative payload, which
  // a clock stepping back could make, does not fit either).
  static bool fits(std::uint64_t metric_id, std::int64_t payload) noexcept {
    return ((metric_id >> id_bits) | (static_cast<std::uint64_t>(payload) >> (64 - id_bits))) == 0;
  }
  static std::uint64_t packed(std::uint64_t metric_id, std::int64_t payload) noexcept {
    return static_cast<std::uint64_t>(payload) << id_bits | metric_id;
  }
  static std::uint64_t wide(std::size_t wide_index) noexcept { return std::uint64_t{wide_index} << id_bits; }

  const ContextNode* node() const noexcept {
    return reinterpret_cast<const ContextNode*>(node_and_error_raised & ~(error_raised_bits | observation_bit));
  }
  ErrorRaised error_raised() const noexcept {
    return static_cast<ErrorRaised>(node_and_error_raised & error_raised_bits);
  }
  bool is_observation() const noexcept { return (node_and_error_raised & observation_bit) != 0; }
  // The id and the payload as packed(); of a wide entry, 0 and its index.
  std::uint64_t packed_metric_id() const noexcept { return metric_and_payload & id_mask; }
  std::int64_t packed_payload() const noexcept { return static_cast<std::int64_t>(metric_and_payload >> id_bits); }
  bool is_wide() const noexcept { return packed_metric_id() == 0; }
  std::size_t wide_index() const noexcept { return static_cast<std::size_t>(packed_payload()); }
};
static_assert(sizeof(WaitingEntry) == 16);

// A waiting entry's metric id and payload when they do not fit in its word.
struct WideEntry {
  std::uint64_t metric_id;
  std::int64_t payload;
};

struct SharedRecord {
  std::uint64_t metric_id;
  Record record;
};

using WaitingEntries = AppendBuffer<WaitingEntry, waiting_records_limit>;
using WaitingObservations = AppendBuffer<WaitingObservation, waiting_records_limit>;
// Rare (an id past 65,535 metrics made, a call of over a day), so it grows
// from a few.
using WideEntries = AppendBuffer<WideEntry, 4>;

// What one hand-over takes: the shared buffer's records, then the thread's.
// Kept by the thread from one hand-over to the next to reuse its capacity.
struct TakenRecords {
  std::vector<SharedRecord> shared;
  WaitingEntries entries;
  WideEntries wide;
  WaitingObservations observations;
  RecordPool whole;

  std::uint64_t metric_id(const WaitingEntry& entry) const noexcept {
    return entry.is_wide() ? wide[entry.wide_index()].metric_id : entry.packed_metric_id();
  }
  std::int64_t payload(const WaitingEntry& entry) const noexcept {
    return entry.is_wide() ? wide[entry.wide_index()].payload : entry.packed_payload();
  }
  // Calls add(entry, payload) for each entry of the metric `id`, in order: a
  // hand-over does it once per metric.
  template <class Add>
  void for_each_of_metric(std::uint64_t id, Add add) const {
    if (wide.size() == 0) {
      // The usual case: the low bits alone say an entry's metric (an id too
      // large for them never equals them).
      for (const WaitingEntry& entry : entries) {
        if (entry.packed_metric_id() == id) add(entry, entry.packed_payload());
      }
      return;
    }
    for (const WaitingEntry& entry : entries) {
      if (metric_id(entry) == id) add(entry, payload(entry));
    }
  }
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
  // Moves the waiting records into `taken`, whose own buffers are emptied
  // and left to the thread when give_back() did not take them back.
  void take(TakenRecords& taken);
  // Once `taken` is handed over: its buffers become the thread's again unless
  // records made meanwhile (by handlers) made buffers of their own, so that
  // a thread does not hold two sets of buffers, the thread's and those being
  // handed over, from one hand-over to the next.
  void give_back(TakenRecords& taken) noexcept;

 private:
  void forget_if_cleared();
  void append(std::uintptr_t node_word, std::uint64_t metric_id, std::int64_t payload) {
    if (!WaitingEntry::fits(metric_id, payload)) return append_wide(node_word, metric_id, payload);
    entries_.append({node_word, WaitingEntry::packed(metric_id, payload)});
  }
  void append_wide(std::uintptr_t node_word, std::uint64_t metric_id, std::int64_t payload);

  WaitingEntries entries_;
  WideEntries wide_;
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
