#pragma once
// Records made but not yet handed to the handlers. Each thread keeps the
// records of its own call tree, so one tree's hand-over never carries another
// thread's half-finished tree and recording takes no lock. Records made
// outside any profiled call wait in one shared buffer, which the next
// hand-over on any thread takes along, as in Python.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "phanos/record.hpp"

namespace phanos::detail {

struct ThreadState;

struct WaitingRecord {
  std::uint64_t metric_id;
  Record record;
};

// One thread's waiting records. Profiler::clear() discards them from another
// thread by moving a global epoch on; a buffer behind it empties itself on
// its next use.
class ThreadRecords {
 public:
  ThreadRecords();
  void add(WaitingRecord record);
  std::size_t size();
  std::vector<WaitingRecord> take();

 private:
  void forget_if_cleared();

  std::vector<WaitingRecord> records_;
  std::uint64_t epoch_;
};

// Puts a record where the calling thread's current call tree will hand it
// over, or in the shared buffer outside profiled calls.
void store_record(std::uint64_t metric_id, Record record);

// The shared buffer's records, oldest first, then the thread's own.
std::vector<WaitingRecord> take_waiting_records(ThreadState& state);

// Drops every waiting record of every thread.
void discard_waiting_records();

}  // namespace phanos::detail
