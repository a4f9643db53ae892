#pragma once

#include "waiting_records.hpp"

namespace phanos::detail {

class CallScope;

// What one thread's profiling needs: its call tree and its waiting records.
struct ThreadState {
  CallScope* current = nullptr;  // innermost profiled call in progress
  bool handing_over = false;     // inside the handlers (see CallScope)
  ThreadRecords records;
};

// The calling thread's state, created on first use. Null once the thread's
// thread-local objects are being destroyed, or if it cannot be allocated.
ThreadState* thread_state() noexcept;

// The calling thread's state if it has one; never allocates.
ThreadState* existing_thread_state() noexcept;

// The calling thread's innermost profiled call, null outside any.
CallScope* current_scope() noexcept;

}  // namespace phanos::detail
