// C++14 code is instrumented too, deduced return types included: a
// recursive one keeps its body in place (the lambda could not call the
// function before its type is known), guarded by a call object the plugin
// declares beside the body.
// RUN: %phanos_cxx -std=c++14 -pedantic -Xclang -verify %s %phanos_link -o %t
// RUN: env PHANOS_CONFIG=%S/Inputs/stream_to_stdout.json %t | FileCheck %s
// expected-no-diagnostics

#include <cstdio>
#include <string>

namespace deduced {

[[phanos::profile]] auto depth(int n) {
  if (n == 0) return 0;
  return depth(n - 1) + 1;
}

[[phanos::profile]] decltype(auto) first(std::string& text) { return (text[0]); }

template <class T>
[[phanos::profile]] auto twice(T value) {
  return value + value;
}

}  // namespace deduced

int main() {
  std::string text = "abc";
  deduced::first(text) = 'x';
  std::printf("%s %d %d\n", text.c_str(), deduced::depth(2), deduced::twice(21));
  // CHECK: profiler: time_profiler, method: deduced:first, value: {{.*}} mS
  // CHECK-DAG: profiler: time_profiler, method: deduced:depth.depth.depth, value: {{.*}} mS
  // CHECK-DAG: profiler: time_profiler, method: deduced:depth.depth, value: {{.*}} mS
  // CHECK-DAG: profiler: time_profiler, method: deduced:depth, value: {{.*}} mS
  // CHECK-DAG: profiler: time_profiler, method: deduced:twice, value: {{.*}} mS
  // CHECK: xbc 2 42
}
