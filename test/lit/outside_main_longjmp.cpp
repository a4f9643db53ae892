// longjmp out of profiled calls: the calls it leaves are over (they are not
// recorded: they never returned), and the next profiled calls take their
// place in the tree from where the jump landed. Also with siglongjmp out of
// a signal handler, and from a function that calls longjmp only through
// another library (qsort's comparison).
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not warning:
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <csetjmp>
#include <csignal>
#include <cstdlib>
#include <iostream>

std::jmp_buf recover;
sigjmp_buf recover_from_signal;

[[phanos::profile]] int fail(int code) {
  std::longjmp(recover, code);
}
[[phanos::profile]] int parse(int code) { return code > 0 ? fail(code) : 0; }
[[phanos::profile]] int step() { return 1; }

// Calls parse three times; the first two jump back here from fail().
[[phanos::profile]] int parse_all() {
  volatile int attempts = 0;
  if (setjmp(recover) != 0) std::cout << "recovered\n";
  ++attempts;
  step();
  if (attempts < 3) parse(attempts);
  return parse(0);
}

void on_signal(int) { siglongjmp(recover_from_signal, 1); }
[[phanos::profile]] void interrupted() { std::raise(SIGUSR1); }
[[phanos::profile]] int guarded() {
  if (sigsetjmp(recover_from_signal, 1) == 0) interrupted();
  return step();
}

[[phanos::profile]] int compare(const void*, const void*) { std::longjmp(recover, 1); }
[[phanos::profile]] void sort_then_jump() {
  int values[] = {2, 1};
  std::qsort(values, 2, sizeof(int), compare);
}

int main() {
  profile_to_stdout();

  parse_all();
  // CHECK: recovered
  // CHECK-NEXT: recovered
  // CHECK-NEXT: method: outside_main_longjmp:parse_all.step, value:
  // CHECK-NEXT: method: outside_main_longjmp:parse_all.step, value:
  // CHECK-NEXT: method: outside_main_longjmp:parse_all.step, value:
  // CHECK-NEXT: method: outside_main_longjmp:parse_all.parse, value:
  // CHECK-NEXT: method: outside_main_longjmp:parse_all, value:

  std::signal(SIGUSR1, on_signal);
  guarded();
  // CHECK-NEXT: method: outside_main_longjmp:guarded.step, value:
  // CHECK-NEXT: method: outside_main_longjmp:guarded, value:

  if (setjmp(recover) == 0) sort_then_jump();
  step();
  // CHECK-NEXT: method: outside_main_longjmp:step, value:
  std::cout << "done\n";
  // CHECK-NEXT: done
}
