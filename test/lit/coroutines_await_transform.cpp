// A promise type with await_transform would be handed phanos' awaiter
// instead of what the body awaits, so a coroutine that awaits with such a
// promise is left unprofiled, with a warning, and behaves as written. One
// that only yields or returns is profiled: co_yield does not go through
// await_transform.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s

#include "profile_to_stdout.hpp"

#include <coroutine>
#include <exception>
#include <iostream>

// Runs eagerly; `co_await n` with an int gives n + 1, by await_transform.
struct Eager {
  struct promise_type {
    int result = 0;
    Eager get_return_object() { return Eager{this}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int v) { result = v; }
    void unhandled_exception() { std::terminate(); }
    auto await_transform(int n) {
      struct Ready {
        int value;
        bool await_ready() const noexcept { return true; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        int await_resume() const noexcept { return value; }
      };
      return Ready{n + 1};
    }
  };
  promise_type* promise;
  int result() const { return promise->result; }
  void destroy() { std::coroutine_handle<promise_type>::from_promise(*promise).destroy(); }
};

[[phanos::profile]] int step() { return 1; }

// expected-note@phanos/detail/coroutine.hpp:* {{from 'diagnose_if' attribute}}
// expected-warning@+1 {{[[phanos::profile]] ignored on this coroutine: its promise type has await_transform, which would see phanos' awaiter instead of what is awaited}}
[[phanos::profile]] Eager plus_one(int n) {
  co_return co_await n + step();
}

[[phanos::profile]] Eager returns_only(int n) { co_return n + step(); }

int main() {
  profile_to_stdout();
  Eager awaited = plus_one(1);
  std::cout << "plus_one: " << awaited.result() << "\n";
  // CHECK:      profiler: time_profiler, method: coroutines_await_transform:step, value: {{.*}} mS
  // CHECK-NEXT: plus_one: 3
  Eager returned = returns_only(1);
  std::cout << "returns_only: " << returned.result() << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_await_transform:returns_only.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_await_transform:returns_only, value: {{.*}} mS
  // CHECK-NEXT: returns_only: 2
  awaited.destroy();
  returned.destroy();
}
