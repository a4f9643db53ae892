// Two profiled coroutines interleaved on one thread by a scheduler: after
// every suspension and resumption, what a coroutine calls has it as parent,
// and what runs between them (the scheduler, the caller after the run) never
// does. A coroutine started from a profiled function belongs to that
// function's tree; one started from outside any is a root, and its records
// are handed over whenever it leaves the thread outside any profiled call.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>

Scheduler scheduler;

[[phanos::profile]] int step(const char* who, int i) {
  std::cout << who << " step " << i << "\n";
  return i;
}
[[phanos::profile]] void between() {}

[[phanos::profile]] Task<int> ping() {
  int sum = step("ping", 1);
  co_await scheduler.yield();
  sum += step("ping", 2);
  co_return sum;
}

[[phanos::profile]] Task<int> pong() {
  int sum = step("pong", 1);
  co_await scheduler.yield();
  sum += step("pong", 2);
  co_await scheduler.yield();
  co_return sum + step("pong", 3);
}

// A scheduler loop of its own, so that it can make a profiled call between
// two resumptions.
void run_profiling_between() {
  while (!scheduler.ready.empty()) {
    std::coroutine_handle<> next = scheduler.ready.front();
    scheduler.ready.pop_front();
    next.resume();
    between();
  }
}

[[phanos::profile]] void run_both() {
  Task<int> a = ping(), b = pong();
  a.schedule(scheduler);
  b.schedule(scheduler);
  run_profiling_between();
  step("run_both", a.result() + b.result());
}

int main() {
  profile_to_stdout();
  run_both();
  // CHECK:      ping step 1
  // CHECK-NEXT: pong step 1
  // CHECK-NEXT: ping step 2
  // CHECK-NEXT: pong step 2
  // CHECK-NEXT: pong step 3
  // CHECK-NEXT: run_both step 9
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.ping.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.between, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.pong.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.between, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.ping.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.ping, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.between, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.pong.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.between, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.pong.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.pong, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.between, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:run_both, value: {{.*}} mS

  // Started from main, outside any profiled call: each is a root, and what
  // it recorded goes out each time it gives the thread back to main.
  Task<int> a = ping(), b = pong();
  a.schedule(scheduler);
  b.schedule(scheduler);
  scheduler.run();
  // CHECK-NEXT: ping step 1
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:ping.step, value: {{.*}} mS
  // CHECK-NEXT: pong step 1
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:pong.step, value: {{.*}} mS
  // CHECK-NEXT: ping step 2
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:ping.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:ping, value: {{.*}} mS
  // CHECK-NEXT: pong step 2
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:pong.step, value: {{.*}} mS
  // CHECK-NEXT: pong step 3
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:pong.step, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:pong, value: {{.*}} mS
  step("main", 0);
  // CHECK-NEXT: main step 0
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_interleaved:step, value: {{.*}} mS
}
