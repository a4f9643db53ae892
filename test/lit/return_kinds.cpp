// Deduced, reference and move-only results come back exactly as the body
// made them.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>
#include <memory>
#include <type_traits>
#include <vector>

struct Registry {
  std::vector<int> values{1, 2, 3};
  [[phanos::profile]] int& first() { return values.front(); }
  [[phanos::profile]] const std::vector<int>& all() const { return values; }
  [[phanos::profile]] std::vector<int>&& take() { return std::move(values); }
  [[phanos::profile]] decltype(auto) second() { return (values[1]); }
  [[phanos::profile]] auto size() const { return values.size(); }
  [[phanos::profile]] auto last() const -> int { return values.back(); }
};

[[phanos::profile]] std::unique_ptr<int> make_owned(int v) { auto p = std::make_unique<int>(v); return p; }
[[phanos::profile]] std::unique_ptr<int> pass_through(std::unique_ptr<int> p) { return p; }
[[phanos::profile]] long widened(bool small) { if (small) return 1; return 2L; }
[[phanos::profile]] std::vector<int> braced() { return {4, 5}; }

static_assert(std::is_same_v<decltype(std::declval<Registry&>().second()), int&>);
static_assert(std::is_same_v<decltype(std::declval<Registry&>().size()), std::size_t>);

int main() {
  profile_to_stdout();
  Registry r;
  r.first() = 10;
  r.second() = 20;
  int first = r.all()[0], second = r.all()[1], last = r.last();
  std::size_t size = r.size();
  std::cout << first << " " << second << " " << size << " " << last << "\n";
  // CHECK-COUNT-6: profiler: time_profiler, method: Registry:{{first|second|all|size|last}}, value: {{.*}} mS
  // CHECK-NEXT: 10 20 3 3
  std::vector<int> taken = r.take();
  std::cout << taken.size() << " " << r.values.size() << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Registry:take, value: {{.*}} mS
  // CHECK-NEXT: 3 0
  auto owned = pass_through(make_owned(7));
  long wide = widened(false);
  std::size_t braced_size = braced().size();
  std::cout << *owned << " " << wide << " " << braced_size << "\n";
  // CHECK-COUNT-4: profiler: time_profiler, method: return_kinds:{{make_owned|pass_through|widened|braced}}, value: {{.*}} mS
  // CHECK-NEXT: 7 2 2
}
