#pragma once

#include "context_node.hpp"
#include "coroutine_thread.hpp"
#include "hand_over.hpp"
#include "waiting_records.hpp"

namespace phanos::detail {

class CallScope;

// What one thread's profiling needs: its innermost call and its waiting records.
struct ThreadState {
  CallScope* current = nullptr;  // innermost profiled call in progress
  bool handing_over = false;     // inside the handlers (see CallScope)
  ThreadRecords records;
  HandOverBuffers hand_over;
  CoroutineThread coroutines;
  // The node of this thread's most recent root: most threads serve one
  // kind of request over and over.
  const ContextNode* last_root_node = nullptr;

  const ContextNode& root_node(const Site& site) {
    if (last_root_node == nullptr || last_root_node->site != &site) last_root_node = &detail::root_node(site);
    return *last_root_node;
  }
};

// The calling thread's state, created on first use. Null once the thread's
// thread-local objects are being destroyed, or if it cannot be allocated.
ThreadState* thread_state() noexcept;

// The calling thread's state if it has one; never allocates.
ThreadState* existing_thread_state() noexcept;

// The calling thread's innermost profiled call, null outside any.
CallScope* current_scope() noexcept;

}  // namespace phanos::detail
