// Recursive calls nest in the tree, also when the return type is deduced.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

[[phanos::profile]] int factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }
[[phanos::profile]] auto fibonacci(int n) {
  if (n < 2) return n;
  return fibonacci(n - 1) + fibonacci(n - 2);
}

int main() {
  profile_to_stdout();
  std::cout << factorial(3) << "\n";
  // CHECK: profiler: time_profiler, method: recursion:factorial.factorial.factorial, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: recursion:factorial.factorial, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: recursion:factorial, value: {{.*}} mS
  // CHECK-NEXT: 6
  std::cout << fibonacci(2) << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: recursion:fibonacci.fibonacci, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: recursion:fibonacci.fibonacci, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: recursion:fibonacci, value: {{.*}} mS
  // CHECK-NEXT: 1
}
