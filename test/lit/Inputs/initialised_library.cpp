// A shared object whose static initialiser makes profiled calls, for
// outside_main_static_init.cpp.
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <iostream>

[[phanos::profile]] int load_table() {
  std::cout << "library loads its table\n";
  return 42;
}

int library_table = load_table();
