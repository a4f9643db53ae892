// A coroutine compiled before C++20 (Clang's Coroutines TS) is left as
// written, with a warning: phanos' coroutine support is C++20's.
// -fcoroutines-ts exists up to Clang 16 (lit.cfg.py's features clang-<N>).
// REQUIRES: clang-14 || clang-15 || clang-16
// RUN: %phanos_cxx -std=c++17 -fcoroutines-ts -Wno-deprecated-experimental-coroutine -fsyntax-only -Xclang -verify %s

#include <phanos/phanos.hpp>

// The least of <experimental/coroutine> a coroutine needs; libstdc++ has none.
namespace std::experimental {
template <class Promise = void>
struct coroutine_handle {
  static coroutine_handle from_address(void*) noexcept { return {}; }
  void* address() const noexcept { return nullptr; }
};
template <class Return, class...>
struct coroutine_traits {
  using promise_type = typename Return::promise_type;
};
}  // namespace std::experimental
struct Never {
  bool await_ready() const noexcept { return true; }
  template <class P>
  void await_suspend(std::experimental::coroutine_handle<P>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    Never initial_suspend() noexcept { return {}; }
    Never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};
// expected-warning@+1 {{[[phanos::profile]] ignored on 'run': it is a coroutine; phanos profiles coroutines in C++20}}
[[phanos::profile]] Task run() { co_return; }
