// main() itself can be profiled (and may still fall off its end), and
// __func__ / __PRETTY_FUNCTION__ keep naming the function, not the lambda
// that carries its body.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <cstring>
#include <iostream>

struct Named {
  [[phanos::profile]] const char* who() const { return __func__; }
  [[phanos::profile]] bool pretty() const { return std::strstr(__PRETTY_FUNCTION__, "Named::pretty") != nullptr; }
  [[phanos::profile]] unsigned length() const { return sizeof(__FUNCTION__); }
};

static bool configured = (profile_to_stdout(), true);

[[phanos::profile]] int main() {
  Named n;
  std::cout << n.who() << " " << n.pretty() << " " << n.length() << " " << configured << "\n";
  // CHECK: who 1 7 1
  // CHECK-NEXT: profiler: time_profiler, method: main_and_predefined_names:main.{{who|pretty|length}}, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: main_and_predefined_names:main.{{who|pretty|length}}, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: main_and_predefined_names:main.{{who|pretty|length}}, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: main_and_predefined_names:main, value: {{.*}} mS
}
