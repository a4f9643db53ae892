// noexcept-ness is unchanged, exceptions leave profiled functions as before,
// and a function-try-block still handles what its body throws.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>
#include <stdexcept>

[[phanos::profile]] int never_throws() noexcept { return 1; }
[[phanos::profile]] int may_throw(bool fail) noexcept(false) {
  if (fail) throw std::invalid_argument("bad");
  return 2;
}
[[phanos::profile]] int calls_thrower() { return may_throw(true); }
[[phanos::profile]] int recovers(bool fail) try {
  return may_throw(fail);
} catch (const std::invalid_argument& e) {
  std::cout << "handler saw " << e.what() << "\n";
  return -1;
}

static_assert(noexcept(never_throws()));
static_assert(!noexcept(may_throw(false)));

int main() {
  profile_to_stdout(/*error_raised_label=*/true);
  try {
    calls_thrower();
  } catch (const std::invalid_argument& e) {
    std::cout << "caught " << e.what() << "\n";
  }
  // CHECK: profiler: time_profiler, method: exceptions_noexcept:calls_thrower.may_throw, value: {{.*}} mS, labels: error_raised=True
  // CHECK-NEXT: profiler: time_profiler, method: exceptions_noexcept:calls_thrower, value: {{.*}} mS, labels: error_raised=True
  // CHECK-NEXT: caught bad
  int recovered = recovers(true);
  std::cout << "recovered: " << recovered << "\n";
  // CHECK-NEXT: handler saw bad
  // CHECK-NEXT: profiler: time_profiler, method: exceptions_noexcept:recovers.may_throw, value: {{.*}} mS, labels: error_raised=True
  // CHECK-NEXT: profiler: time_profiler, method: exceptions_noexcept:recovers, value: {{.*}} mS, labels: error_raised=False
  // CHECK-NEXT: recovered: -1
  int one = never_throws();
  std::cout << one << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: exceptions_noexcept:never_throws, value: {{.*}} mS, labels: error_raised=False
  // CHECK-NEXT: 1
}
