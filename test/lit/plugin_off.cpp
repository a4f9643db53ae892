// -fplugin-arg-phanos-off: the attribute is accepted (no unknown-attribute
// warning, no other diagnostic), nothing is instrumented and the runtime
// header is not included; the program runs unprofiled. An unknown argument
// is an error naming it.
// RUN: %phanos_cxx -fplugin-arg-phanos-off -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not=profiler:
// No call into phanos::detail in the object code (instrumented code calls it):
// RUN: %phanos_cxx -fplugin-arg-phanos-off -c %s -o %t.off.o
// RUN: llvm-nm -C %t.off.o | FileCheck %s --check-prefix=OFF-SYMBOLS --implicit-check-not=phanos::detail::
// RUN: %phanos_cxx -c %s -o %t.on.o
// RUN: llvm-nm -C %t.on.o | FileCheck %s --check-prefix=ON-SYMBOLS
// The runtime header is not included: a file claiming its names compiles.
// RUN: not %phanos_cxx -fsyntax-only %S/Inputs/claims_phanos_names.cpp 2>/dev/null
// RUN: %phanos_cxx -fplugin-arg-phanos-off -fsyntax-only -Xclang -verify %S/Inputs/claims_phanos_names.cpp
// RUN: not %phanos_cxx -fplugin-arg-phanos-frobnicate -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

struct Widget {
  [[phanos::profile]] int size() const { return 3; }
  [[phanos::profile]] const char* name() const;  // no body: no warning either
};

[[phanos::profile]] int area(const Widget& w) { return w.size() * w.size(); }
[[phanos::profile]] int log_line(const char* format, ...) { return format != nullptr; }

int main() {
  profile_to_stdout();
  std::cout << "area: " << area(Widget{}) << ", " << log_line("x") << "\n";
  // CHECK: area: 9, 1
}

// OFF-SYMBOLS: T main
// ON-SYMBOLS: phanos::detail::
// UNKNOWN: error: unknown phanos plugin argument 'frobnicate' (-fplugin-arg-phanos-frobnicate); known: verbose, off, instrument-files=REGEX, exclude-functions=REGEX, min-statements=N, help
