#pragma once

#include <cstddef>

namespace phanos::detail {

struct ThreadState;

// A non-root call hands records over early once this many wait, as Python's
// RECORDS_LEN_LIMIT does, so long-running roots do not pile them up.
inline constexpr std::size_t waiting_records_limit = 100;

// Hands the thread's waiting records (and the shared ones) to the handlers:
// per metric in the order metrics were added, every handler in the order
// handlers were added, then the metric's cleanup().
void hand_over_records(ThreadState& state) noexcept;

}  // namespace phanos::detail
