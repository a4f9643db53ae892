// Profiled calls after main: in thread_local and static destructors and in
// atexit functions, also when exit() is called from inside profiled calls.
// Those calls never return, so they are not recorded; what they called is
// handed over when exit() begins, and each later call is a root of its own.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not warning:
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <cstdlib>
#include <iostream>
#include <thread>

[[phanos::profile]] int cleanup(const char* who) {
  std::cout << "cleanup by " << who << "\n";
  return 1;
}

struct CleansUp {
  const char* who;
  ~CleansUp() { cleanup(who); }
};

CleansUp static_object{"a static destructor"};

void at_exit() { cleanup("an atexit function"); }

// Constructed before its thread's first profiled call, so destroyed after
// phanos' own thread_local objects of that thread.
thread_local CleansUp per_thread{"a thread_local destructor"};

[[phanos::profile]] int prepared() { return 1; }
[[phanos::profile]] void shut_down() {
  prepared();
  std::exit(0);
}
[[phanos::profile]] void serve() { shut_down(); }

int main() {
  profile_to_stdout();
  std::thread([] {
    static_cast<void>(per_thread);
    cleanup("the thread");
  }).join();
  // CHECK: cleanup by the thread
  // CHECK-NEXT: method: outside_main_exit:cleanup, value:
  // CHECK-NEXT: cleanup by a thread_local destructor
  // CHECK-NEXT: method: outside_main_exit:cleanup, value:

  std::atexit(at_exit);
  static_cast<void>(per_thread);
  serve();
  // CHECK-NEXT: method: outside_main_exit:serve.shut_down.prepared, value:
  // CHECK-NEXT: cleanup by a thread_local destructor
  // CHECK-NEXT: method: outside_main_exit:cleanup, value:
  // CHECK-NEXT: cleanup by an atexit function
  // CHECK-NEXT: method: outside_main_exit:cleanup, value:
  // CHECK-NEXT: cleanup by a static destructor
  // CHECK-NEXT: method: outside_main_exit:cleanup, value:
}
