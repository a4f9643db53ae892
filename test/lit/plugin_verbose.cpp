// -fplugin-arg-phanos-verbose: a remark at every function instrumented,
// naming it and the item and name its records carry; nothing else changes.
// RUN: %phanos_cxx -fplugin-arg-phanos-verbose -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s

#include "profile_to_stdout.hpp"

#include <iostream>

namespace shapes {
struct Widget {
  // expected-remark@+1 {{[[phanos::profile]] instruments 'size' (item 'Widget', name 'size')}}
  [[phanos::profile]] int size() const { return 3; }
  // expected-remark@+1 {{[[phanos::profile]] instruments 'Widget' (item 'Widget', name 'Widget')}}
  [[phanos::profile]] Widget() {}
};
// expected-remark@+1 {{[[phanos::profile]] instruments 'area' (item 'shapes', name 'area')}}
[[phanos::profile]] int area(const Widget& w) { return w.size() * w.size(); }
}  // namespace shapes

// Warnings stay warnings; a function not instrumented gets no remark.
// expected-warning@+1 {{[[phanos::profile]] ignored on 'log_line': it is a C variadic function}}
[[phanos::profile]] int log_line(const char* format, ...) { return format != nullptr; }

int unannotated() { return 1; }

int main() {
  profile_to_stdout();
  shapes::Widget w;
  const int area = shapes::area(w) + unannotated() - 1;
  std::cout << "area: " << area << "\n";
  // CHECK: profiler: time_profiler, method: Widget:Widget, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: shapes:area.size, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: shapes:area.size, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: shapes:area, value: {{.*}} mS
  // CHECK-NEXT: area: 9
}
