#include "thread_state.hpp"

#include <pthread.h>

#include <new>

namespace phanos::detail {

__thread ThreadState* state_of_thread __attribute__((tls_model("initial-exec"))) = nullptr;

namespace {

// While the state is being made (a signal handler must not make a second
// one) and once it is released.
thread_local bool state_unavailable __attribute__((tls_model("initial-exec"))) = false;

// Calls still in progress when the thread's thread_local objects are
// destroyed never return: the thread function has returned, or exit() was
// called inside them. What they called is handed over now, and later calls
// (destructors of thread_local and static objects, atexit functions) are
// roots of their own.
struct EndOfStack {
  ~EndOfStack() {
    ThreadState* state = state_of_thread;
    if (state == nullptr || state->busy) return;
    state->current = nullptr;
    state->coroutines = CoroutineThread{};
    if (records_waiting_for(*state)) hand_over_records(*state);
  }
};
thread_local EndOfStack end_of_stack;

// Runs when the thread ends, after every thread_local destructor (glibc runs
// key destructors last), so those may still make profiled calls.
void release_state(void* released) {
  auto* state = static_cast<ThreadState*>(released);
  state_unavailable = true;
  state_of_thread = nullptr;
  if (!state->busy && records_waiting_for(*state)) hand_over_records(*state);
  delete state;
}

pthread_key_t* state_key() noexcept {
  static pthread_key_t key;
  static const bool created = pthread_key_create(&key, release_state) == 0;
  return created ? &key : nullptr;
}

ThreadState* new_state() noexcept {
  pthread_key_t* key = state_key();
  if (key == nullptr) return nullptr;
  auto* state = new (std::nothrow) ThreadState;
  if (state == nullptr) return nullptr;
  if (pthread_setspecific(*key, state) != 0) {
    delete state;
    return nullptr;
  }
  (void)&end_of_stack;  // constructs it, so that its destructor runs
  return state;
}

}  // namespace

ThreadState* new_thread_state() noexcept {
  if (state_unavailable) return nullptr;
  state_unavailable = true;
  state_of_thread = new_state();
  state_unavailable = false;
  return state_of_thread;
}

CallScope* current_scope() noexcept { return state_of_thread != nullptr ? state_of_thread->current : nullptr; }

}  // namespace phanos::detail
