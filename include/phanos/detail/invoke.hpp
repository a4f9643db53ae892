#pragma once
// The only entry points the plugin's generated code calls. The plugin turns
//
//   R f(params) { BODY }
// into
//   R f(params) {
//     static constexpr ::phanos::detail::Site phanos_site_{...};
//     return ::phanos::detail::invoke(phanos_site_, [&]() -> R { BODY });
//   }
//
// so everything here must keep the body's result exactly as the body made it:
// no extra copy or move, references stay references, void stays void.

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "phanos/detail/argument.hpp"
#include "phanos/detail/call_scope.hpp"
#include "phanos/detail/site.hpp"
// Only the plugin's code calls it, and the plugin is Clang's.
#if defined(__clang__) && defined(__cpp_impl_coroutine) && __has_include(<coroutine>)
#include "phanos/detail/coroutine.hpp"
#endif

namespace phanos::detail {

// Kept apart from invoke() so that `result` is the only thing its function
// returns: that makes it the NRVO candidate even at -O0.
// The return type is spelled out: clang does not apply NRVO in a function
// whose return type is still being deduced.
template <class Body, class... Params, class Result = std::invoke_result_t<Body>>
Result invoke_profiled(const Site& site, Body&& body, Params&... params) {
  const Argument arguments[sizeof...(Params) + 1] = {argument_of(params)...};
  CallScope scope(site, Arguments{arguments, sizeof...(Params)});
  if constexpr (std::is_void_v<Result>) {
    std::forward<Body>(body)();
    scope.leave();
  } else if constexpr (std::is_reference_v<Result>) {
    Result result = std::forward<Body>(body)();
    scope.set_result(std::addressof(result));
    scope.leave();
    return static_cast<Result>(result);
  } else {
    Result result = std::forward<Body>(body)();
    scope.set_result(std::addressof(result));
    scope.leave();  // while `result` lives: it ends before `scope` does
    return result;
  }
}

// Both returns are prvalues, so the result is never copied or moved here.
template <class Body, class... Params>
decltype(auto) invoke(const Site& site, Body&& body, Params&... params) {
  if (!profiling_active()) return std::forward<Body>(body)();
  return invoke_profiled(site, std::forward<Body>(body), params...);
}

// For constexpr functions: a constexpr function may not hold a static, so the
// site comes from a function returning it, and constant evaluation runs the
// body alone.
template <class SiteFn, class Body, class... Params>
constexpr decltype(auto) invoke_constexpr(SiteFn site_fn, Body&& body, Params&... params) {
  if (__builtin_is_constant_evaluated()) return std::forward<Body>(body)();
  return invoke(site_fn(), std::forward<Body>(body), params...);
}

// For a body that stays in place instead of moving into a lambda (a
// recursive function with a deduced return type): times the call and places
// it in the tree; the result is not seen.
template <class... Params>
class GuardedCall {
 public:
  explicit GuardedCall(const Site& site, Params&... params) : arguments_{argument_of(params)...} {
    if (profiling_active()) scope_.emplace(site, Arguments{arguments_, sizeof...(Params)});
  }

 private:
  const Argument arguments_[sizeof...(Params) + 1];
  std::optional<CallScope> scope_;
};
template <class... Params>
GuardedCall(const Site&, Params&...) -> GuardedCall<Params...>;

}  // namespace phanos::detail
