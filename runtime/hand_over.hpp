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

}  // namespace phanos::detail
