// Free functions: the item of a function in the global namespace is the stem
// of its file; in a namespace it is the innermost named namespace, inline
// namespaces (a library's version, `fmt::v9`) skipped.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

[[phanos::profile]] int leaf(int x) { return x * 2; }
[[phanos::profile]] int twice(int x) { return leaf(x) + leaf(x); }

namespace outer {
namespace inner {
[[phanos::profile]] int nested_ns() { return twice(1); }
}  // namespace inner
namespace {
[[phanos::profile]] int in_anonymous() { return 5; }
}  // namespace
[[phanos::profile]] int call_anonymous() { return in_anonymous(); }
}  // namespace outer

namespace lib {
inline namespace v2 {
[[phanos::profile]] int versioned() { return 9; }
}  // namespace v2
}  // namespace lib

__attribute__((phanos_profile)) int gnu_spelling() { return 7; }

static int not_profiled() { return leaf(3); }

int main() {
  profile_to_stdout();
  int result = twice(2);
  std::cout << "twice: " << result << "\n";
  // CHECK: profiler: time_profiler, method: free_functions:twice.leaf, value: {{[0-9]+\.[0-9]+}} mS
  // CHECK-NEXT: profiler: time_profiler, method: free_functions:twice.leaf, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: free_functions:twice, value: {{.*}} mS
  // CHECK-NEXT: twice: 8
  result = outer::inner::nested_ns();
  std::cout << "nested: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: inner:nested_ns.twice.leaf, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: inner:nested_ns.twice.leaf, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: inner:nested_ns.twice, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: inner:nested_ns, value: {{.*}} mS
  // CHECK-NEXT: nested: 4
  result = outer::call_anonymous();
  std::cout << "anonymous: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: outer:call_anonymous.in_anonymous, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: outer:call_anonymous, value: {{.*}} mS
  // CHECK-NEXT: anonymous: 5
  result = lib::versioned();
  std::cout << "inline namespace: " << result << "\n";
  // The item is the namespace users write, lib, not its inline v2.
  // CHECK-NEXT: profiler: time_profiler, method: lib:versioned, value: {{.*}} mS
  // CHECK-NEXT: inline namespace: 9
  result = gnu_spelling();
  std::cout << "gnu: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: free_functions:gnu_spelling, value: {{.*}} mS
  // CHECK-NEXT: gnu: 7
  // An unprofiled caller does not appear; its profiled callee is a root.
  result = not_profiled();
  std::cout << "unprofiled caller: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: free_functions:leaf, value: {{.*}} mS
  // CHECK-NEXT: unprofiled caller: 6
}
