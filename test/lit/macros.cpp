// Functions written inside macros are instrumented like any other; the file
// and line are those of the macro's use.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

#define PROFILED_GETTER(name, value) \
  [[phanos::profile]] int name() { return value; }

#define PROFILED_CLASS(cls)                             \
  struct cls {                                          \
    [[phanos::profile]] int run() { return step() * 2; } \
    [[phanos::profile]] int step() { return 21; }        \
  };

PROFILED_GETTER(answer, 42)
PROFILED_CLASS(Job)

#define BODY_FROM_MACRO { return answer() + 1; }
[[phanos::profile]] int body_macro() BODY_FROM_MACRO

int main() {
  profile_to_stdout();
  std::cout << answer() << "\n";
  // CHECK: profiler: time_profiler, method: macros:answer, value: {{.*}} mS
  // CHECK-NEXT: 42
  std::cout << Job{}.run() << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Job:run.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Job:run, value: {{.*}} mS
  // CHECK-NEXT: 42
  std::cout << body_macro() << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: macros:body_macro.answer, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: macros:body_macro, value: {{.*}} mS
  // CHECK-NEXT: 43
}
