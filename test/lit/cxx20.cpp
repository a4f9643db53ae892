// C++20: consteval functions never run at run time (warned), and returning an
// rvalue-reference parameter moves it implicitly, as without the plugin.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s

#include "profile_to_stdout.hpp"

#include <iostream>
#include <string>

// expected-warning@+1 {{[[phanos::profile]] ignored on 'twice': it is consteval and never runs at run time}}
[[phanos::profile]] consteval int twice(int x) { return 2 * x; }

struct Tracked {
  static inline int copies = 0;
  Tracked() = default;
  Tracked(const Tracked&) { ++copies; }
  Tracked(Tracked&&) noexcept {}
};
[[phanos::profile]] Tracked sink(Tracked&& t) { return t; }

int main() {
  profile_to_stdout();
  Tracked t = sink(Tracked{});
  std::cout << twice(4) << " copies=" << Tracked::copies << "\n";
  // CHECK: profiler: time_profiler, method: cxx20:sink, value: {{.*}} mS
  // CHECK-NEXT: 8 copies=0
  (void)t;
}
