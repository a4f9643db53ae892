// Coroutines of every function kind are profiled, and the promise type is
// found as the compiler finds it: members (const, rvalue-qualified),
// templates, unnamed parameters, parameter packs, awaitables with a member
// or free operator co_await, awaiters awaited by reference. A function that
// only holds a coroutine lambda is an ordinary function.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>

// Ready at once; its value comes from a free operator co_await.
struct Number {
  int value;
};
auto operator co_await(Number n) {
  struct Ready {
    int value;
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return value; }
  };
  return Ready{n.value};
}

struct Counter {
  int base = 10;
  [[phanos::profile]] Task<int> plus(int n) const { co_return base + co_await Number{n}; }
  [[phanos::profile]] Task<int> moved(int) && { co_return base + co_await Number{1}; }
  template <class... Ns>
  [[phanos::profile]] Task<int> sum(Ns... ns) {
    std::suspend_never ready;
    co_await ready;  // an awaiter named, awaited in place
    co_return (base + ... + co_await Number{ns});
  }
};

template <class T>
[[phanos::profile]] Task<T> twice(T value, int) {
  co_return co_await Number{value} * 2;
}

[[phanos::profile]] int holds_a_coroutine_lambda() {
  auto lambda = []() -> Task<int> { co_return 1; };
  Task<int> task = lambda();
  task.start();
  return task.result();
}

template <class T>
T run(Task<T> task) {
  task.start();
  return task.result();
}

int main() {
  profile_to_stdout();
  Counter counter;
  const int results[] = {run(counter.plus(1)), run(Counter{}.moved(0)), run(counter.sum(1, 2)), run(twice(21, 0)),
                         holds_a_coroutine_lambda()};
  for (int result : results) std::cout << result << " ";
  std::cout << "\n";
  // CHECK:      profiler: time_profiler, method: Counter:plus, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Counter:moved, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Counter:sum, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_kinds:twice, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_kinds:holds_a_coroutine_lambda, value: {{.*}} mS
  // CHECK-NEXT: 11 11 13 42 1 {{$}}
}
