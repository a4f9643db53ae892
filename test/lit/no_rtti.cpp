// Instrumented code builds and runs without RTTI or exceptions.
// RUN: %phanos_cxx -fno-rtti -fno-exceptions -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <cstdio>
#include <string>

[[phanos::profile]] std::string greet(const std::string& who) { return "hello " + who; }

int main() {
  profile_to_stdout();
  std::string text = greet("rtti");
  std::printf("%s\n", text.c_str());
  // CHECK: profiler: time_profiler, method: no_rtti:greet, value: {{.*}} mS
  // CHECK-NEXT: hello rtti
}
