// Coroutines are not instrumented yet: the plugin says so and leaves the
// coroutine exactly as written.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s

#include "profile_to_stdout.hpp"

#include <coroutine>
#include <utility>
#include <iostream>

struct Generator {
  struct promise_type {
    int current = 0;
    Generator get_return_object() { return Generator{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) noexcept { current = v; return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
  explicit Generator(std::coroutine_handle<promise_type> h) : handle(h) {}
  Generator(Generator&& other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~Generator() { if (handle) handle.destroy(); }
  bool next() { handle.resume(); return !handle.done(); }
  int value() const { return handle.promise().current; }
  std::coroutine_handle<promise_type> handle;
};

// expected-warning@+1 {{[[phanos::profile]] ignored on 'count_to': it is a coroutine; coroutines are not yet supported}}
[[phanos::profile]] Generator count_to(int n) {
  for (int i = 1; i <= n; ++i) co_yield i;
}

[[phanos::profile]] int sum_of(int n) {
  int total = 0;
  for (Generator g = count_to(n); g.next();) total += g.value();
  return total;
}

int main() {
  profile_to_stdout();
  int total = sum_of(3);
  std::cout << "total: " << total << "\n";
  // CHECK: profiler: time_profiler, method: coroutines_not_yet:sum_of, value: {{.*}} mS
  // CHECK-NEXT: total: 6
}
