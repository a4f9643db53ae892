// A friend defined in its class is a namespace-scope function (its item is
// the namespace); members of a class local to a function use that class.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

namespace geo {
struct Vec {
  int x, y;
  [[phanos::profile]] friend int dot(const Vec& a, const Vec& b) { return a.x * b.x + a.y * b.y; }
};
}  // namespace geo

[[phanos::profile]] int local_type() {
  struct Accumulator {
    int sum = 0;
    [[phanos::profile]] void add(int v) { sum += v; }
  };
  Accumulator acc;
  acc.add(2);
  acc.add(3);
  return acc.sum;
}

int main() {
  profile_to_stdout();
  int product = dot(geo::Vec{1, 2}, geo::Vec{3, 4});
  std::cout << product << "\n";
  // CHECK: profiler: time_profiler, method: geo:dot, value: {{.*}} mS
  // CHECK-NEXT: 11
  int sum = local_type();
  std::cout << sum << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: friend_and_local_classes:local_type.add, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: friend_and_local_classes:local_type.add, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: friend_and_local_classes:local_type, value: {{.*}} mS
  // CHECK-NEXT: 5
}
