// A profiled generator: each co_yield gives the thread back to the consumer,
// whose own calls between two values do not nest under the generator, and
// the generator's time runs from its first value to its completion.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>

[[phanos::profile]] int square(int i) { return i * i; }
[[phanos::profile]] void consume(int) {}

// Its promise deletes await_transform, as generators do: co_yield does not
// go through it, so the generator is profiled all the same.
[[phanos::profile]] Generator<int> squares_to(int n) {
  for (int i = 1; i <= n; ++i) co_yield square(i);
}

// A co_yield inside an expression, and one of a braced list. A braced list
// cannot be passed on through a function, so phanos lets the thread go
// before it is evaluated: calls in it are not the generator's children.
[[phanos::profile]] Generator<std::pair<int, int>> pairs() {
  if ((co_yield std::pair<int, int>{square(1), 2}, true)) co_yield {3, square(2)};
}

[[phanos::profile]] int sum_of_squares(int n) {
  int total = 0;
  for (Generator<int> g = squares_to(n); g.next();) {
    consume(g.value());
    total += g.value();
  }
  return total;
}

int main() {
  profile_to_stdout();
  const int total = sum_of_squares(2);
  std::cout << "total: " << total << "\n";
  // CHECK:      profiler: time_profiler, method: coroutines_generator:sum_of_squares.squares_to.square, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:sum_of_squares.consume, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:sum_of_squares.squares_to.square, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:sum_of_squares.consume, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:sum_of_squares.squares_to, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:sum_of_squares, value: {{.*}} mS
  // CHECK-NEXT: total: 5

  for (Generator<std::pair<int, int>> g = pairs(); g.next();) std::cout << g.value().first << "," << g.value().second << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:pairs.square, value: {{.*}} mS
  // CHECK-NEXT: 1,2
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:square, value: {{.*}} mS
  // CHECK-NEXT: 3,4
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_generator:pairs, value: {{.*}} mS
  std::cout << "frames alive: " << live_frames << "\n";
  // CHECK-NEXT: frames alive: 0
}
