// A profiled coroutine that goes on in another thread keeps its place in the
// tree: what it calls there has it as parent. Its records made there are
// handed over by that thread when the coroutine leaves it outside any
// profiled call; the starting thread's root hands over its own.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>
#include <thread>

[[phanos::profile]] int step(const char* where) {
  std::cout << "step on " << where << " thread\n";
  return 1;
}

[[phanos::profile]] Task<int> migrate(std::thread& second) {
  int sum = step("first");
  co_await resume_on_new_thread{second};
  sum += step("second");
  co_return sum;
}

[[phanos::profile]] int run_migrating() {
  std::thread second;
  Task<int> task = migrate(second);
  task.start();  // runs to the co_await, then continues in `second`
  second.join();
  step("first");
  return task.result();
}

int main() {
  profile_to_stdout();
  const int result = run_migrating();
  std::cout << "result: " << result << "\n";
  // CHECK:      step on first thread
  // CHECK-NEXT: step on second thread
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_threads:run_migrating.migrate.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_threads:run_migrating.migrate, value: {{.*}} mS
  // CHECK-NEXT: step on first thread
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_threads:run_migrating.migrate.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_threads:run_migrating.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_threads:run_migrating, value: {{.*}} mS
  // CHECK-NEXT: result: 2
}
