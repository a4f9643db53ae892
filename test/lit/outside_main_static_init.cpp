// Profiled calls in static initialisers, of the program and of a shared
// object it links, run before main(): with PHANOS_CONFIG they are profiled
// already (the runtime applies it when it is loaded, before the objects
// that use it are initialised); without, they run unprofiled.
// RUN: %phanos_cxx -Xclang -verify -shared -fPIC %S/Inputs/initialised_library.cpp %phanos_link -o %t-library.so
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link %t-library.so -Wl,-rpath,%T -o %t
// RUN: env PHANOS_CONFIG='{"job": "lit", "handlers": {"out": {"class": "StreamHandler", "handler_name": "out", "output": "ext://sys.stdout"}}}' %t | FileCheck %s --implicit-check-not warning:
// RUN: %t | FileCheck %s --check-prefix=UNCONFIGURED --implicit-check-not method:
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <iostream>

extern int library_table;

[[phanos::profile]] int parse_settings() { return 7; }
[[phanos::profile]] int load_settings() {
  std::cout << "program loads its settings\n";
  return parse_settings();
}

int settings = load_settings();

int main() {
  std::cout << "main sees " << library_table << " and " << settings << "\n";
}
// CHECK: library loads its table
// CHECK-NEXT: method: initialised_library:load_table, value:
// CHECK-NEXT: program loads its settings
// CHECK-NEXT: method: outside_main_static_init:load_settings.parse_settings, value:
// CHECK-NEXT: method: outside_main_static_init:load_settings, value:
// CHECK-NEXT: main sees 42 and 7

// UNCONFIGURED: library loads its table
// UNCONFIGURED-NEXT: program loads its settings
// UNCONFIGURED-NEXT: main sees 42 and 7
