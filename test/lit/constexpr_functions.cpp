// A constexpr function stays usable in constant expressions and is profiled
// when it runs at run time.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

[[phanos::profile]] constexpr int square(int x) { return x * x; }

struct Point {
  [[phanos::profile]] constexpr Point(int x, int y) : x(x), y(y) { this->x += 0; }
  [[phanos::profile]] constexpr int norm2() const { return square(x) + square(y); }
  int x, y;
};

static_assert(square(4) == 16);
static_assert(Point(3, 4).norm2() == 25);

int main(int argc, char**) {
  profile_to_stdout();
  std::cout << Point(argc, 2).norm2() << "\n";
  // CHECK: profiler: time_profiler, method: Point:Point, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Point:norm2.square, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Point:norm2.square, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Point:norm2, value: {{.*}} mS
  // CHECK-NEXT: 5
}
