// Hooks see a profiled coroutine as one call: the before-hooks at its first
// entry, the after-hooks at its completion (wherever that runs), with its
// arguments (the frame's copies); a coroutine has no result for them.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>
#include <string>

Scheduler scheduler;

[[phanos::profile]] Task<int> counted(std::string label, int n) {
  std::cout << "running " << label << "\n";
  co_await scheduler.yield();
  co_return n;
}

void show(const char* hook, const phanos::Call& call) {
  std::cout << hook << " " << call.name();
  if (auto label = call.arg<std::string>(0)) std::cout << " label=" << *label;
  if (auto n = call.arg<int>(1)) std::cout << " n=" << *n;
  std::cout << " result=" << (call.result<int>() != nullptr ? "seen" : "none") << "\n";
}

int main() {
  profile_to_stdout();
  phanos::profiler().before_root_func = [](const phanos::Call& call) { show("before_root", call); };
  phanos::profiler().after_root_func = [](const phanos::Call& call) { show("after_root", call); };
  Task<int> task = counted("first", 1);
  std::cout << "created\n";
  task.schedule(scheduler);
  scheduler.run();
  // CHECK:      created
  // CHECK-NEXT: before_root counted label=first n=1 result=none
  // CHECK-NEXT: running first
  // CHECK-NEXT: after_root counted label=first n=1 result=none
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_hooks:counted, value: {{.*}} mS
}
