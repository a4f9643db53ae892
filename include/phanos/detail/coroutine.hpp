#pragma once
// What the plugin's generated code calls in a profiled coroutine (C++20).
// The body stays in place (a coroutine cannot move into a lambda); the
// plugin turns
//
//   Task f(params) { ... co_await X ... co_yield Y ... }
// into
//   Task f(params) {
//     static constexpr ::phanos::detail::Site __phanos_site{...};
//     auto __phanos_coroutine = ::phanos::detail::profile_coroutine<Promise>(
//         __phanos_site, __builtin_coro_frame(), params...);
//     ... co_await ::phanos::detail::track(__phanos_coroutine, X) ...
//     ... (co_yield ::phanos::detail::yielding(__phanos_coroutine, Y),
//          ::phanos::detail::resumed(__phanos_coroutine)) ...
//   }
//
// The awaiter track() returns does what X's own awaiter does, and around the
// suspension tells the coroutine's scope that the thread is given away and
// that the coroutine runs again. co_yield does not go through await_transform
// or an awaiter the body can see, so its operand is evaluated first, then the
// scope is told before the promise's yield_value suspends, and told again when
// the co_yield expression gives its result.

#include <coroutine>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "phanos/detail/argument.hpp"
#include "phanos/detail/coroutine_scope.hpp"
#include "phanos/detail/site.hpp"

namespace phanos::detail {

// Whether Promise declares await_transform (any overload, template or
// deleted one): it would receive track()'s awaiter instead of what the body
// awaits. Found by ambiguity with a member of the same name.
struct AwaitTransformProbe {
  void await_transform();
};
template <class Promise>
struct WithAwaitTransformProbe : Promise, AwaitTransformProbe {};
template <class Promise>
inline constexpr bool has_await_transform = !requires { &WithAwaitTransformProbe<Promise>::await_transform; };
// `void`: the body awaits nothing, so await_transform does not matter.
template <>
inline constexpr bool has_await_transform<void> = false;

// The awaiter `co_await a` uses: a's operator co_await (member, else free),
// else a itself, kept by reference as the compiler does.
template <class Awaitable>
decltype(auto) awaiter_of(Awaitable&& awaitable) {
  if constexpr (requires { static_cast<Awaitable&&>(awaitable).operator co_await(); }) {
    return static_cast<Awaitable&&>(awaitable).operator co_await();
  } else if constexpr (requires { operator co_await(static_cast<Awaitable&&>(awaitable)); }) {
    return operator co_await(static_cast<Awaitable&&>(awaitable));
  } else {
    return static_cast<Awaitable&&>(awaitable);
  }
}

// If the awaited operation's await_suspend throws, the coroutine goes on at
// once, with the exception, on this thread.
class ResumeUnlessSuspended {
 public:
  ResumeUnlessSuspended(CoroutineScope& scope, CoroutineScope::Suspension& suspension) noexcept
      : scope_(&scope), suspension_(suspension) {}
  ~ResumeUnlessSuspended() {
    if (scope_ == nullptr) return;
    suspension_.ended();
    scope_->resume();
  }
  ResumeUnlessSuspended(const ResumeUnlessSuspended&) = delete;
  ResumeUnlessSuspended& operator=(const ResumeUnlessSuspended&) = delete;
  // await_suspend returned: from here on the frame may be gone.
  void suspended() noexcept { scope_ = nullptr; }

 private:
  CoroutineScope* scope_;
  CoroutineScope::Suspension& suspension_;
};

// Inner: the awaited operation's awaiter, a value or a reference.
template <class Inner>
class TrackedAwaiter {
 public:
  template <class Awaitable>
  TrackedAwaiter(CoroutineScope& scope, Awaitable&& awaitable)
      : scope_(scope), inner_(awaiter_of(static_cast<Awaitable&&>(awaitable))) {}

  decltype(auto) await_ready() { return inner_.await_ready(); }

  // Never inlined: Clang before 18 may keep the locals of an await_suspend
  // inlined into the coroutine in the coroutine's frame, which the thread
  // that resumes the coroutine meanwhile overwrites when it suspends it
  // again (llvm/llvm-project#72006, after #56301 and #65054);
  // `suspension` would then close the other thread's suspension and leave
  // this thread's open.
  template <class Promise>
  __attribute__((noinline)) auto await_suspend(std::coroutine_handle<Promise> handle) {
    using Result = decltype(inner_.await_suspend(handle));
    CoroutineScope::Suspension suspension = scope_.suspend();
    ResumeUnlessSuspended guard(scope_, suspension);
    // Once inner_ has the handle, the coroutine may be resumed on another
    // thread, and this awaiter destroyed with its frame: only locals after.
    if constexpr (std::is_void_v<Result>) {
      inner_.await_suspend(handle);
      guard.suspended();
      suspension.ended();
    } else if constexpr (std::is_same_v<Result, bool>) {
      const bool suspends = inner_.await_suspend(handle);
      guard.suspended();
      suspension.ended();
      return suspends;
    } else {
      Result next = inner_.await_suspend(handle);
      guard.suspended();
      suspension.ended_transferring_to(next.address());
      return next;
    }
  }

  decltype(auto) await_resume() {
    scope_.resume();  // before the awaited operation's result is made
    return inner_.await_resume();
  }

 private:
  CoroutineScope& scope_;
  Inner inner_;
};

// The plugin's local in a profiled coroutine: the scope, and the arguments
// hooks see (the parameters' copies in the frame).
template <std::size_t N>
class ProfiledCoroutine {
 public:
  template <class... Params>
  ProfiledCoroutine(const Site& site, const void* frame, Params&&... params)
      : arguments_{argument_of(params)...}, scope_(site, frame, Arguments{arguments_, N}) {}
  CoroutineScope& scope() noexcept { return scope_; }

 private:
  const Argument arguments_[N + 1];
  CoroutineScope scope_;
};

// A coroutine whose promise has await_transform and whose body awaits: left
// unprofiled, awaits untouched (see profile_coroutine).
struct UnprofiledCoroutine {};

// diagnose_if is Clang's, as is the plugin that calls this.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgcc-compat"
template <class Promise, class... Params>
auto profile_coroutine(const Site& site, const void* frame, Params&&... params)
    __attribute__((diagnose_if(has_await_transform<Promise>,
                               "[[phanos::profile]] ignored on this coroutine: its promise type has "
                               "await_transform, which would see phanos' awaiter instead of what is awaited",
                               "warning"))) {
  if constexpr (has_await_transform<Promise>) {
    return UnprofiledCoroutine{};
  } else {
    return ProfiledCoroutine<sizeof...(Params)>(site, frame, params...);
  }
}
#pragma clang diagnostic pop

template <std::size_t N, class Awaitable>
auto track(ProfiledCoroutine<N>& coroutine, Awaitable&& awaitable) {
  using Inner = decltype(awaiter_of(std::declval<Awaitable>()));
  return TrackedAwaiter<Inner>(coroutine.scope(), static_cast<Awaitable&&>(awaitable));
}
template <class Awaitable>
Awaitable&& track(UnprofiledCoroutine&, Awaitable&& awaitable) noexcept {
  return static_cast<Awaitable&&>(awaitable);
}

// co_yield's operand, once evaluated, as it was: the coroutine suspends next.
template <std::size_t N, class Value>
Value&& yielding(ProfiledCoroutine<N>& coroutine, Value&& value) noexcept {
  coroutine.scope().suspend().ended();
  return static_cast<Value&&>(value);
}
template <class Value>
Value&& yielding(UnprofiledCoroutine&, Value&& value) noexcept {
  return static_cast<Value&&>(value);
}
// For `co_yield {braced list}`, which cannot pass through a function.
template <std::size_t N>
void suspending(ProfiledCoroutine<N>& coroutine) noexcept {
  coroutine.scope().suspend().ended();
}
inline void suspending(UnprofiledCoroutine&) noexcept {}

// `(co_yield ..., resumed(c))` has the co_yield expression's value.
struct Resumed {};
template <std::size_t N>
Resumed resumed(ProfiledCoroutine<N>& coroutine) noexcept {
  coroutine.scope().resume();
  return {};
}
inline Resumed resumed(UnprofiledCoroutine&) noexcept { return {}; }
template <class Result>
Result&& operator,(Result&& result, Resumed) noexcept {
  return static_cast<Result&&>(result);
}

}  // namespace phanos::detail
