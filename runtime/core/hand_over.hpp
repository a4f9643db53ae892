#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "record_batch.hpp"
#include "waiting_records.hpp"

namespace phanos::detail {

struct ThreadState;

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
// How many request_hand_over_everywhere() made; inline, as every call's end
// reads it (hand_over_requested() in thread_state.hpp).
extern std::atomic<std::uint64_t> hand_over_requests;
inline std::uint64_t hand_over_requests_made() noexcept { return hand_over_requests.load(std::memory_order_relaxed); }

}  // namespace phanos::detail
