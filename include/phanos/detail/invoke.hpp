#pragma once
// The one header the plugin's generated code needs: it declares, here or in
// the headers it includes, every name that code spells. Defined here:
// invoke(), invoke_constexpr() and GuardedCall; Site in site.hpp; Argument,
// argument_of() and UnnamedArgument in argument.hpp; for coroutines,
// profile_coroutine(), track(), yielding(), suspending() and resumed() in
// coroutine.hpp. The plugin turns
//
//   R f(params) { BODY }
// into
//   R f(params) {
//     static constexpr ::phanos::detail::Site __phanos_site{...};
//     return ::phanos::detail::invoke(__phanos_site, [&]() -> R { BODY }, params...);
//   }
//
// so everything here must keep the body's result exactly as the body made it:
// no extra copy or move, references stay references, void stays void. The
// plugin includes this header into every translation unit it instruments,
// from C++11 on, so it and everything it includes are C++11.
//
// Names the generated code spells are shielded from the user's macros: a
// `-Dinvoke=...` or `#define detail` must not change what phanos compiles.

#pragma push_macro("phanos")
#pragma push_macro("detail")
#pragma push_macro("invoke")
#pragma push_macro("invoke_constexpr")
#pragma push_macro("Site")
#pragma push_macro("GuardedCall")
#pragma push_macro("Argument")
#pragma push_macro("UnnamedArgument")
#pragma push_macro("argument_of")
#pragma push_macro("profile_coroutine")
#pragma push_macro("track")
#pragma push_macro("yielding")
#pragma push_macro("resumed")
#pragma push_macro("suspending")
#undef phanos
#undef detail
#undef invoke
#undef invoke_constexpr
#undef Site
#undef GuardedCall
#undef Argument
#undef UnnamedArgument
#undef argument_of
#undef profile_coroutine
#undef track
#undef yielding
#undef resumed
#undef suspending

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "phanos/detail/argument.hpp"
#include "phanos/detail/call_scope.hpp"
#include "phanos/detail/site.hpp"
// Only the plugin's code calls it, and the plugin is Clang's.
#if defined(__clang__) && defined(__cpp_impl_coroutine) && __has_include(<coroutine>)
#include "phanos/detail/coroutine.hpp"
#endif

namespace phanos {
namespace detail {

template <class Body>
using BodyResult = decltype(std::declval<Body>()());

// Kept apart from invoke() so that `result` is the only thing its function
// returns: that makes it the NRVO candidate even at -O0. One overload per
// kind of result (void, reference, value), as the header is C++11.
template <class Body, class... Params, class Result = BodyResult<Body>>
typename std::enable_if<std::is_void<Result>::value>::type invoke_profiled(const Site& site, Body&& body,
                                                                           Params&&... params) {
  const Argument arguments[sizeof...(Params) + 1] = {argument_of(params)...};
  CallScope scope(site, Arguments{arguments, sizeof...(Params)});
  std::forward<Body>(body)();
  scope.leave();
}

template <class Body, class... Params, class Result = BodyResult<Body>>
typename std::enable_if<std::is_reference<Result>::value, Result>::type invoke_profiled(const Site& site, Body&& body,
                                                                                        Params&&... params) {
  const Argument arguments[sizeof...(Params) + 1] = {argument_of(params)...};
  CallScope scope(site, Arguments{arguments, sizeof...(Params)});
  Result result = std::forward<Body>(body)();
  scope.set_result(std::addressof(result));
  scope.leave();
  return static_cast<Result>(result);
}

template <class Body, class... Params, class Result = BodyResult<Body>>
typename std::enable_if<!std::is_void<Result>::value && !std::is_reference<Result>::value, Result>::type
invoke_profiled(const Site& site, Body&& body, Params&&... params) {
  const Argument arguments[sizeof...(Params) + 1] = {argument_of(params)...};
  CallScope scope(site, Arguments{arguments, sizeof...(Params)});
  Result result = std::forward<Body>(body)();
  scope.set_result(std::addressof(result));
  scope.leave();  // while `result` lives: it ends before `scope` does
  return result;
}

// Both returns are prvalues, so the result is never copied or moved here.
// `params` are the function's parameters (lvalues), or UnnamedArgument().
template <class Body, class... Params>
BodyResult<Body> invoke(const Site& site, Body&& body, Params&&... params) {
  if (!profiling_active()) return std::forward<Body>(body)();
  return invoke_profiled(site, std::forward<Body>(body), std::forward<Params>(params)...);
}

#if __cplusplus >= 201703L
// For constexpr functions (instrumented from C++17 on, when a lambda may run
// in a constant expression): a constexpr function may not hold a static, so
// the site comes from a function returning it, and constant evaluation runs
// the body alone.
template <class SiteFn, class Body, class... Params>
constexpr BodyResult<Body> invoke_constexpr(SiteFn site_fn, Body&& body, Params&&... params) {
  if (__builtin_is_constant_evaluated()) return std::forward<Body>(body)();
  return invoke(site_fn(), std::forward<Body>(body), std::forward<Params>(params)...);
}
#endif

// For a body that stays in place instead of moving into a lambda (a
// recursive function with a deduced return type): times the call and places
// it in the tree; the result is not seen. The plugin declares the arguments
// as an array ahead of it (with one spare element, so that it is never empty).
class GuardedCall {
 public:
  template <std::size_t N>
  GuardedCall(const Site& site, const Argument (&arguments)[N]) noexcept {
    if (profiling_active()) scope_ = new (storage_) CallScope(site, Arguments{arguments, N - 1});
  }
  ~GuardedCall() {
    if (scope_ != nullptr) scope_->~CallScope();
  }
  GuardedCall(const GuardedCall&) = delete;
  GuardedCall& operator=(const GuardedCall&) = delete;

 private:
  alignas(CallScope) unsigned char storage_[sizeof(CallScope)];
  CallScope* scope_ = nullptr;
};

}  // namespace detail
}  // namespace phanos

#pragma pop_macro("phanos")
#pragma pop_macro("detail")
#pragma pop_macro("invoke")
#pragma pop_macro("invoke_constexpr")
#pragma pop_macro("Site")
#pragma pop_macro("GuardedCall")
#pragma pop_macro("Argument")
#pragma pop_macro("UnnamedArgument")
#pragma pop_macro("argument_of")
#pragma pop_macro("profile_coroutine")
#pragma pop_macro("track")
#pragma pop_macro("yielding")
#pragma pop_macro("resumed")
#pragma pop_macro("suspending")
