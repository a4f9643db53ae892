#pragma once
// A profiled coroutine's call. The plugin declares one as the first local of
// the coroutine's body, so it lives in the coroutine's frame: it is entered
// when the body is entered for the first time, and it records when the body
// is left, by completion or by an exception. In between, the coroutine gives
// its thread away at every suspension and may come back on another thread;
// the awaiters of coroutine.hpp tell this scope so, and the scope makes its
// call the current call of whichever thread runs the coroutine, and only
// while it runs.

#include "phanos/detail/argument.hpp"
#include "phanos/detail/call_scope.hpp"
#include "phanos/detail/site.hpp"

namespace phanos::detail {

struct CoroutineThread;

class CoroutineScope {
 public:
  // Kept on the stack of an awaiter's await_suspend (never in the coroutine's
  // frame, which may be gone once the awaited operation has the handle).
  // While the awaited operation's await_suspend runs, a profiled coroutine
  // that it starts on this thread takes the suspending coroutine as parent.
  class Suspension {
   public:
    // await_suspend returned void or bool.
    void ended() noexcept {
      if (thread_ != nullptr) close();
    }
    // await_suspend returned the handle of the coroutine this thread resumes
    // next; if that one starts now, the suspending coroutine is its parent.
    void ended_transferring_to(const void* frame) noexcept {
      if (thread_ != nullptr) close_transferring_to(frame);
    }

   private:
    friend class CoroutineScope;
    void close() noexcept;
    void close_transferring_to(const void* frame) noexcept;
    CoroutineThread* thread_ = nullptr;  // the suspending thread's; null: nothing to close
  };

  // `frame` is the coroutine's frame address (__builtin_coro_frame()).
  CoroutineScope(const Site& site, const void* frame, Arguments arguments) noexcept;
  // Completion: records, like a returning call. Destroyed while suspended
  // (coroutine_handle::destroy()): records nothing.
  ~CoroutineScope();
  CoroutineScope(const CoroutineScope&) = delete;
  CoroutineScope& operator=(const CoroutineScope&) = delete;

  // Before the coroutine gives its thread away: the thread's current call is
  // again the one of whoever resumed the coroutine. Inline checks keep an
  // untracked coroutine's suspensions free of calls into the runtime.
  Suspension suspend() noexcept { return running_ ? suspend_running() : Suspension{}; }
  // Running again, on whichever thread: the coroutine's call is that
  // thread's current call. Does nothing if it is running already.
  void resume() noexcept {
    if (tracked_ && !running_) resume_suspended();
  }

 private:
  Suspension suspend_running() noexcept;
  void resume_suspended() noexcept;

  CallScope call_;
  bool tracked_ = false;  // false: profiling was off at first entry, or it failed
  bool running_ = false;  // current call of the thread running the coroutine
};

}  // namespace phanos::detail
