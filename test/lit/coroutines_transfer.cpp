// A lazily started child coroutine is entered for the first time by its
// awaiter, on whatever thread resumes the awaiting coroutine: by symmetric
// transfer (await_suspend returns the child's handle) or by a resume() call
// inside await_suspend. Either way the child's parent is the awaiting
// coroutine, not whoever resumed it.
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"
#include "coroutine_support.hpp"

#include <iostream>

Scheduler scheduler;

[[phanos::profile]] int leaf() { return 1; }

[[phanos::profile]] Task<int> child() {
  co_await scheduler.yield();
  co_return leaf();
}

// Starts a task from inside await_suspend and resumes the awaiter at once.
struct StartInline {
  Task<int>& task;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) {
    task.start();
    return false;
  }
  void await_resume() const noexcept {}
};

[[phanos::profile]] Task<int> parent() {
  int sum = co_await child();  // symmetric transfer into child
  Task<int> started_inline = child();
  co_await StartInline{started_inline};
  co_await scheduler.yield();  // started_inline finishes meanwhile
  co_return sum + started_inline.result() + leaf();
}

int main() {
  profile_to_stdout();
  Task<int> task = parent();
  task.schedule(scheduler);
  scheduler.run();
  std::cout << "result: " << task.result() << "\n";
  // CHECK:      profiler: time_profiler, method: coroutines_transfer:parent.child.leaf, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_transfer:parent.child, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_transfer:parent.child.leaf, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_transfer:parent.child, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_transfer:parent.leaf, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: coroutines_transfer:parent, value: {{.*}} mS
  // CHECK-NEXT: result: 3
}
