#include "thread_state.hpp"

#include <new>

namespace phanos::detail {
namespace {

// A plain pointer keeps the per-call access to one TLS load; the owner below
// frees the state when the thread ends. The initial-exec model makes that
// load a single instruction instead of a call to __tls_get_addr; it fits in
// the static TLS space that glibc keeps even for libraries opened later.
thread_local ThreadState* state_of_thread __attribute__((tls_model("initial-exec"))) = nullptr;
thread_local bool thread_ending __attribute__((tls_model("initial-exec"))) = false;

struct ThreadStateOwner {
  ThreadState* owned = nullptr;
  ~ThreadStateOwner() {
    delete owned;
    state_of_thread = nullptr;
    // Profiled calls from later thread-local destructors go untracked.
    thread_ending = true;
  }
};
thread_local ThreadStateOwner owner_of_thread;

}  // namespace

ThreadState* thread_state() noexcept {
  if (state_of_thread != nullptr || thread_ending) return state_of_thread;
  state_of_thread = new (std::nothrow) ThreadState;
  owner_of_thread.owned = state_of_thread;
  return state_of_thread;
}

ThreadState* existing_thread_state() noexcept { return state_of_thread; }

CallScope* current_scope() noexcept {
  return state_of_thread != nullptr ? state_of_thread->current : nullptr;
}

}  // namespace phanos::detail
