// Lambdas and local classes inside a profiled body keep working, and
// profiled members of a local class nest under the function that calls them.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

[[phanos::profile]] std::string longest(std::vector<std::string> words) {
  struct Measure {
    [[phanos::profile]] std::size_t of(const std::string& w) const { return w.size(); }
  };
  auto shorter = [](const std::string& a, const std::string& b) { return Measure{}.of(a) < Measure{}.of(b); };
  auto keep = [words] { return words; };  // a returned copy stays a copy
  std::vector<std::string> copy = keep();
  return *std::max_element(copy.begin(), copy.end(), shorter);
}

int main() {
  profile_to_stdout();
  std::cout << longest({"a", "abc", "ab"}) << "\n";
  // CHECK-COUNT-4: profiler: time_profiler, method: nested_functions:longest.of, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: nested_functions:longest, value: {{.*}} mS
  // CHECK-NEXT: abc
}
