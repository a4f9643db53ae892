#pragma once
// Whether any hook might be set, so that a profiled call looks at the hooks
// only when one is.

#include <atomic>

namespace phanos::detail {

// Hooks that hold a function now (kept by Hook's assignment and destructor).
extern std::atomic<int> hooks_set;

inline bool any_hook_set() noexcept { return hooks_set.load(std::memory_order_relaxed) != 0; }

}  // namespace phanos::detail
