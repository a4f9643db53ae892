#pragma once
// The only entry points the plugin's generated code calls. The plugin turns
//
//   R f(params) { BODY }
// into
//   R f(params) {
//     static constexpr ::phanos::detail::Site __phanos_site{...};
//     return ::phanos::detail::invoke(__phanos_site, [&]() -> R { BODY });
//   }
//
// so everything here must keep the body's result exactly as the body made it:
// no extra copy or move (the result variable is the NRVO candidate of every
// return in its scope), references stay references, void stays void.

#include <memory>
#include <type_traits>
#include <utility>

#include "phanos/detail/call_scope.hpp"
#include "phanos/detail/site.hpp"

namespace phanos::detail {

template <class Body>
decltype(auto) invoke(const Site& site, Body&& body) {
  using Result = decltype(std::forward<Body>(body)());
  if (!profiling_active()) return std::forward<Body>(body)();
  CallScope scope(site);
  if constexpr (std::is_void_v<Result>) {
    std::forward<Body>(body)();
  } else if constexpr (std::is_reference_v<Result>) {
    Result result = std::forward<Body>(body)();
    scope.set_result(std::addressof(result));
    return static_cast<Result>(result);
  } else {
    Result result = std::forward<Body>(body)();
    scope.set_result(std::addressof(result));
    return result;
  }
}

// For constexpr functions: a constexpr function may not hold a static, so the
// site comes from a function returning it, and constant evaluation runs the
// body alone.
template <class SiteFn, class Body>
constexpr decltype(auto) invoke_constexpr(SiteFn site_fn, Body&& body) {
  if (__builtin_is_constant_evaluated()) return std::forward<Body>(body)();
  return invoke(site_fn(), std::forward<Body>(body));
}

}  // namespace phanos::detail
