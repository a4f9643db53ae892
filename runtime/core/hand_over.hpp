#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "record_batch.hpp"
#include "waiting_records.hpp"

namespace phanos::detail {

struct ThreadState;

// A non-root call hands records over early once this many wait, as Python's
// RECORDS_LEN_LIMIT does, so long-running roots do not pile them up.
inline constexpr std::size_t waiting_records_limit = 100;

// What a thread keeps from one hand-over to the next to reuse its buffers.
struct HandOverBuffers {
  TakenRecords taken;
  std::vector<std::pair<std::uint64_t, RecordBatch>> batches;  // by metric id
};

// Hands the thread's waiting records (and the shared ones) to the handlers:
// per metric in the order metrics were added, every handler in the order
// handlers were added, then the metric's cleanup().
void hand_over_records(ThreadState& state) noexcept;

// hand_over_records() on the calling thread, when records wait there or in
// the shared buffer and the thread is not handing over already (a handler's
// own records wait for the next hand-over).
void hand_over_waiting_records() noexcept;

// Profiler::flush_all(): every thread hands its waiting records over at the
// end of its next profiled call; a thread's calls in progress go on.
void request_hand_over_everywhere() noexcept;
std::uint64_t hand_over_requests_made() noexcept;
// Whether flush_all() was called since the thread's last hand-over.
bool hand_over_requested(const ThreadState& state) noexcept;

}  // namespace phanos::detail
