// A profiled coroutine that throws records error_raised=True, as a function
// does; its awaiter, which catches, records False. A coroutine destroyed
// while suspended records nothing, leaks nothing, and leaves the thread's
// tree as it was.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>
#include <stdexcept>

Scheduler scheduler;

[[phanos::profile]] void step() {}

[[phanos::profile]] Task<int> fails() {
  step();
  co_await scheduler.yield();
  throw std::runtime_error("broken");
  co_return 0;
}

[[phanos::profile]] Task<int> awaits_failure() {
  try {
    co_return co_await fails();
  } catch (const std::runtime_error& e) {
    std::cout << "caught: " << e.what() << "\n";
  }
  co_return -1;
}

[[phanos::profile]] Task<int> never_finishes() {
  step();
  co_await scheduler.yield();
  step();  // never reached: destroyed while suspended
  co_return 0;
}

[[phanos::profile]] void abandon() {
  Task<int> task = never_finishes();
  task.start();
  scheduler.ready.clear();
  step();
}  // `task` destroys the suspended coroutine

int main() {
  profile_to_stdout(/*error_raised_label=*/true);
  {
    Task<int> task = awaits_failure();
    task.schedule(scheduler);
    scheduler.run();
    std::cout << "result: " << task.result() << "\n";
  }
  // The scheduler resumes `fails`: the records it makes go out when it
  // leaves the scheduler's thread, before its awaiter sees the exception.
  // CHECK:      profiler: time_profiler, method: coroutines_errors:awaits_failure.fails.step, value: {{.*}} mS, labels: error_raised=False
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_errors:awaits_failure.fails, value: {{.*}} mS, labels: error_raised=True
  // CHECK-NEXT: caught: broken
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_errors:awaits_failure, value: {{.*}} mS, labels: error_raised=False
  // CHECK-NEXT: result: -1

  // Nothing of never_finishes after its first step.
  abandon();
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_errors:abandon.never_finishes.step, value: {{.*}} mS, labels: error_raised=False
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_errors:abandon.step, value: {{.*}} mS, labels: error_raised=False
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_errors:abandon, value: {{.*}} mS, labels: error_raised=False
  step();
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_errors:step, value: {{.*}} mS, labels: error_raised=False
  std::cout << "frames alive: " << live_frames << "\n";
  // CHECK-NEXT: frames alive: 0
}
