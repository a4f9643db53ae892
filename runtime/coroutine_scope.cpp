#include "phanos/detail/coroutine_scope.hpp"

#include <cstddef>
#include <exception>

#include "context_node.hpp"
#include "hand_over.hpp"
#include "log.hpp"
#include "thread_state.hpp"

namespace phanos::detail {
namespace {

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

// Per thread: the coroutines whose awaited operation's await_suspend is
// running, innermost last, and the one that just handed the thread to
// another coroutine. Nested deeper than this, a coroutine started in
// await_suspend becomes a child of the thread's call instead.
constexpr std::size_t max_open_suspensions = 16;
struct CoroutineThread {
  SuspendingParent suspending[max_open_suspensions];
  std::size_t open = 0;
  SuspendingParent transfer;
  bool transfer_pending = false;
};
// Trivially destructible: usable until the thread's very end.
thread_local CoroutineThread coroutine_thread;

// Who a coroutine entered for the first time on this thread belongs to, if
// not to the thread's current call. A pending transfer is only good for the
// very next coroutine: a started one resuming, or another one starting, means
// the transfer went to a coroutine phanos does not see.
const SuspendingParent* suspending_parent(const void* frame, const CallScope* current) {
  CoroutineThread& thread = coroutine_thread;
  if (thread.transfer_pending) {
    thread.transfer_pending = false;
    if (thread.transfer.transferred_to == frame && thread.transfer.thread_call == current) return &thread.transfer;
  }
  if (thread.open > 0 && thread.suspending[thread.open - 1].thread_call == current) {
    return &thread.suspending[thread.open - 1];
  }
  return nullptr;
}

// A coroutine leaves records on the thread it ran on; when that thread is
// outside any profiled call no root will ever hand them over there.
void hand_over_if_outside_calls(ThreadState& state) {
  if (state.current == nullptr && state.records.size() > 0) hand_over_records(state);
}

}  // namespace

CoroutineScope::CoroutineScope(const Site& site, const void* frame, Arguments arguments) noexcept
    : call_(site, arguments, CallScope::NotEntered{}) {
  if (!profiling_active()) return;
  ThreadState* state = thread_state();
  if (state == nullptr || state->handing_over) return;  // as for CallScope
  CallScope* current = state->current;
  try {
    // The node is fixed now: it is what the coroutine keeps of whoever
    // started it, who may be gone when it resumes.
    const SuspendingParent* parent = suspending_parent(frame, current);
    const ContextNode& node = parent != nullptr    ? child_node(*parent->node, site)
                              : current != nullptr ? current->node_of_child(site)
                                                   : state->root_node(site);
    call_.enter(*state, current, node);
  } catch (...) {
    log_error("a profiled coroutine could not be tracked (out of memory?)");
    return;
  }
  tracked_ = running_ = true;
}

CoroutineScope::~CoroutineScope() {
  if (!running_) return;  // never tracked, or destroyed while suspended
  ThreadState& state = *call_.thread_;
  call_.leave();
  hand_over_if_outside_calls(state);
}

CoroutineScope::Suspension CoroutineScope::suspend() noexcept {
  Suspension suspension;
  if (!running_) return suspension;
  running_ = false;
  ThreadState& state = *call_.thread_;
  call_.thread_ = nullptr;
  state.current = call_.caller_;
  CoroutineThread& thread = coroutine_thread;
  thread.transfer_pending = false;
  if (thread.open < max_open_suspensions) {
    thread.suspending[thread.open++] = {call_.node_, state.current, nullptr};
    suspension.open_ = true;
  }
  hand_over_if_outside_calls(state);
  return suspension;
}

void CoroutineScope::Suspension::ended() noexcept {
  if (open_) --coroutine_thread.open;
}

void CoroutineScope::Suspension::ended_transferring_to(const void* frame) noexcept {
  if (!open_) return;
  CoroutineThread& thread = coroutine_thread;
  thread.transfer = thread.suspending[--thread.open];
  thread.transfer.transferred_to = frame;
  thread.transfer_pending = true;
}

void CoroutineScope::resume() noexcept {
  if (running_ || !tracked_) return;
  coroutine_thread.transfer_pending = false;
  ThreadState* state = thread_state();
  if (state == nullptr || state->handing_over) {
    tracked_ = false;  // resumed where nothing can be tracked: not recorded
    return;
  }
  running_ = true;
  call_.thread_ = state;
  call_.caller_ = state->current;
  call_.uncaught_on_entry_ = std::uncaught_exceptions();  // this thread's count
  state->current = &call_;
}

}  // namespace phanos::detail
