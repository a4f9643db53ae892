// A signal handler that makes profiled calls. Interrupting the program's own
// code inside a profiled call, its calls are children of that call, nested
// like any other call. Interrupting phanos itself (here: a hand-over, where
// a handler raises the signal), its calls run unprofiled and the tree is
// left as it was. docs/runtime-limits.md says what else is safe.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not warning:
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <csignal>
#include <iostream>

[[phanos::profile]] int on_signal() { return 1; }
void handle_signal(int) { on_signal(); }

[[phanos::profile]] int step() { return 2; }
[[phanos::profile]] int interrupted() {
  std::raise(SIGUSR1);
  return step();
}

// Raises the signal while phanos hands records over.
class RaisingHandler : public phanos::Handler {
 public:
  using Handler::Handler;
  void handle(const std::vector<phanos::Record>& records, std::string_view) override {
    std::cout << "handler got " << records.size() << " records\n";
    std::raise(SIGUSR1);
  }
};

int main() {
  profile_to_stdout();
  std::signal(SIGUSR1, handle_signal);

  interrupted();
  // CHECK: method: outside_main_signal:interrupted.on_signal, value:
  // CHECK-NEXT: method: outside_main_signal:interrupted.step, value:
  // CHECK-NEXT: method: outside_main_signal:interrupted, value:

  phanos::profiler().delete_handler("stdout");
  phanos::profiler().add_handler(std::make_shared<RaisingHandler>("raising"));
  interrupted();
  interrupted();
  // CHECK-NEXT: handler got 3 records
  // CHECK-NEXT: handler got 3 records
  phanos::profiler().delete_handler("raising");
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));
  step();
  // CHECK-NEXT: method: outside_main_signal:step, value:
}
