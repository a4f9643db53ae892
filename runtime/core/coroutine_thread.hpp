#pragma once
// What a thread remembers of the coroutines that suspend on it, so that a
// coroutine started by an awaited operation finds its parent (see
// coroutine_scope.cpp).

#include <cstddef>

namespace phanos::detail {

class CallScope;
struct ContextNode;

// A suspending coroutine as a coroutine started on the same thread sees it:
// its node, which outlives it (it may be resumed elsewhere, finish and be
// freed before the other one starts).
struct SuspendingParent {
  const ContextNode* node = nullptr;
  // The thread's current call right after the suspension. A coroutine
  // started while it is still current was started by the awaited operation;
  // one started under a newer call belongs to that call.
  const CallScope* thread_call = nullptr;
  const void* transferred_to = nullptr;  // the frame a symmetric transfer resumes
};

// The coroutines whose awaited operation's await_suspend is running,
// innermost last, and the one that just handed the thread to another
// coroutine. Nested deeper than this, a coroutine started in await_suspend
// becomes a child of the thread's call instead.
struct CoroutineThread {
  static constexpr std::size_t max_open_suspensions = 16;
  SuspendingParent suspending[max_open_suspensions];
  std::size_t open = 0;
  SuspendingParent transfer;
  bool transfer_pending = false;
};

}  // namespace phanos::detail
