#pragma once

#include "context_node.hpp"
#include "coroutine_thread.hpp"
#include "hand_over.hpp"
#include "label_sets.hpp"
#include "waiting_records.hpp"

namespace phanos::detail {

class CallScope;

// What one thread's profiling needs: its innermost call and its waiting records.
struct ThreadState {
  CallScope* current = nullptr;  // innermost profiled call in progress
  // phanos itself is changing this state or handing records over. A
  // profiled call that starts meanwhile (made by a handler, or by a signal
  // handler that interrupted phanos) is not tracked: it would feed records
  // into the running hand-over, or find the state half-changed.
  bool busy = false;
  ThreadRecords records;
  // The labels of its metrics' operations, which its waiting records point to.
  LabelSets label_sets;
  HandOverBuffers hand_over;
  // hand_over_requests_made() at the thread's last hand-over (flush_all()).
  std::uint64_t hand_over_requests_answered = hand_over_requests_made();
  CoroutineThread coroutines;
  // The node of this thread's most recent root: most threads serve one
  // kind of request over and over.
  const ContextNode* last_root_node = nullptr;

  const ContextNode& root_node(const Site& site) {
    if (last_root_node == nullptr || last_root_node->site != &site) last_root_node = &detail::root_node(site);
    return *last_root_node;
  }
};

// Whether flush_all() was called since the thread's last hand-over.
inline bool hand_over_requested(const ThreadState& state) noexcept {
  return state.hand_over_requests_answered != hand_over_requests_made();
}

// Keeps a thread's state busy (see ThreadState::busy) while it lives.
class BusyThread {
 public:
  explicit BusyThread(ThreadState& state) noexcept : state_(state), was_busy_(state.busy) { state.busy = true; }
  ~BusyThread() { state_.busy = was_busy_; }
  BusyThread(const BusyThread&) = delete;
  BusyThread& operator=(const BusyThread&) = delete;

 private:
  ThreadState& state_;
  bool was_busy_;
};

// The calling thread's state once made; null before, and once released.
// __thread, not thread_local: a plain pointer needs no initialisation
// wrapper, so every call reads it with one instruction (initial-exec: no
// call to __tls_get_addr, and safe in a signal handler; it fits in the
// static TLS space that glibc keeps even for libraries opened later).
extern __thread ThreadState* state_of_thread __attribute__((tls_model("initial-exec")));

// Makes the calling thread's state, unless it is released or being made.
ThreadState* new_thread_state() noexcept;

// The calling thread's state, created on first use. It lives until the
// thread itself ends, after all its thread_local destructors (exit() does
// not end the calling thread: its state lives on through static destructors
// and atexit functions). Null once it is released, while it is being
// created, or if it cannot be allocated.
inline ThreadState* thread_state() noexcept {
  return state_of_thread != nullptr ? state_of_thread : new_thread_state();
}

// The calling thread's state if it has one; never allocates.
inline ThreadState* existing_thread_state() noexcept { return state_of_thread; }

// The calling thread's innermost profiled call, null outside any.
CallScope* current_scope() noexcept;

}  // namespace phanos::detail
