#include "phanos/detail/coroutine_scope.hpp"

#include "context_node.hpp"
#include "coroutine_thread.hpp"
#include "hand_over.hpp"
#include "log.hpp"
#include "registry.hpp"
#include "thread_state.hpp"

namespace phanos::detail {

namespace {

// Who a coroutine entered for the first time on this thread belongs to, if
// not to the thread's current call. A pending transfer is only good for the
// very next coroutine: a started one resuming, or another one starting, means
// the transfer went to a coroutine phanos does not see.
const SuspendingParent* suspending_parent(CoroutineThread& thread, const void* frame, const CallScope* current) {
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
  if (state == nullptr || state->busy) return;  // as for CallScope
  CallScope* current = state->current;
  try {
    // The node is fixed now: it is what the coroutine keeps of whoever
    // started it, who may be gone when it resumes.
    const SuspendingParent* parent = suspending_parent(state->coroutines, frame, current);
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
  ThreadState& state = *call_.thread();
  call_.leave();
  hand_over_if_outside_calls(state);
}

CoroutineScope::Suspension CoroutineScope::suspend_running() noexcept {
  Suspension suspension;
  running_ = false;
  ThreadState& state = *call_.thread();
  call_.leave_thread();
  CoroutineThread& thread = state.coroutines;
  thread.transfer_pending = false;
  if (thread.open < CoroutineThread::max_open_suspensions) {
    thread.suspending[thread.open++] = {call_.node(), state.current, nullptr};
    suspension.thread_ = &thread;
  }
  hand_over_if_outside_calls(state);
  return suspension;
}

void CoroutineScope::Suspension::close() noexcept { --thread_->open; }

void CoroutineScope::Suspension::close_transferring_to(const void* frame) noexcept {
  CoroutineThread& thread = *thread_;
  thread.transfer = thread.suspending[--thread.open];
  thread.transfer.transferred_to = frame;
  thread.transfer_pending = true;
}

void CoroutineScope::resume_suspended() noexcept {
  ThreadState* state = thread_state();
  if (state == nullptr || state->busy) {
    tracked_ = false;  // resumed where nothing can be tracked: not recorded
    return;
  }
  state->coroutines.transfer_pending = false;
  running_ = true;
  call_.rejoin_thread(*state);
}

}  // namespace phanos::detail
