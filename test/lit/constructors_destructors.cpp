// Constructors (the time covers the body; member initializers run before the
// call scope opens) and destructors, named after the class and `~Class`.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>
#include <stdexcept>
#include <string>

[[phanos::profile]] int initial() { return 5; }

struct Widget {
  [[phanos::profile]] Widget() : Widget(initial()) { std::cout << "default body\n"; }
  [[phanos::profile]] explicit Widget(int n) : size(n), name{"w"} { std::cout << "body " << size << name << "\n"; }
  [[phanos::profile]] ~Widget() { std::cout << "destroy " << size << "\n"; }
  int size;
  std::string name;
};

struct Guarded {
  [[phanos::profile]] explicit Guarded(bool fail) try : value(fail ? throw std::runtime_error("init") : 1) {
    std::cout << "guarded body\n";
  } catch (const std::exception& e) {
    std::cout << "guarded handler: " << e.what() << "\n";
  }
  int value;
};

int main() {
  profile_to_stdout();
  {
    Widget w;
  }
  // The delegated-to constructor's initializers call initial() before any
  // Widget scope opens, so initial() is a root of its own.
  // CHECK: profiler: time_profiler, method: constructors_destructors:initial, value: {{.*}} mS
  // CHECK-NEXT: body 5w
  // CHECK-NEXT: profiler: time_profiler, method: Widget:Widget, value: {{.*}} mS
  // CHECK-NEXT: default body
  // CHECK-NEXT: profiler: time_profiler, method: Widget:Widget, value: {{.*}} mS
  // CHECK-NEXT: destroy 5
  // CHECK-NEXT: profiler: time_profiler, method: Widget:~Widget, value: {{.*}} mS
  Guarded ok(false);
  // CHECK-NEXT: guarded body
  // CHECK-NEXT: profiler: time_profiler, method: Guarded:Guarded, value: {{.*}} mS
  try {
    Guarded bad(true);
  } catch (const std::runtime_error&) {
    std::cout << "rethrown from constructor\n";
  }
  // CHECK-NEXT: guarded handler: init
  // CHECK-NEXT: rethrown from constructor
}
