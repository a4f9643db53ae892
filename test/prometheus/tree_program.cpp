// A shop whose calls make a known call tree, profiled only through
// PHANOS_CONFIG (a PrometheusHandler, as handler_program.cpp): the
// call-tree page's browser test draws it. It says when its calls are made
// and serves until its standard input closes.
//
// Calls (time_profiler, error_raised on):
//   Shop:checkout             x8, 2 raised (the 4th and the 8th)
//   Shop:checkout.validate    x8
//   Shop:checkout.charge      x8, 2 raised
//   Shop:checkout.ship        x6
//   Shop:checkout.ship.pack   x6
//   Shop:search               x3

#include <chrono>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

void work_for(int milliseconds) { std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds)); }

}  // namespace

struct Shop {
  [[phanos::profile]] void validate() { work_for(1); }
  [[phanos::profile]] void charge(bool declined) {
    work_for(3);
    if (declined) throw std::runtime_error("card declined");
  }
  [[phanos::profile]] void pack() { work_for(2); }
  [[phanos::profile]] void ship() {
    pack();
    work_for(1);
  }
  [[phanos::profile]] void checkout(bool declined) {
    validate();
    charge(declined);
    ship();
  }
  [[phanos::profile]] void search() { work_for(5); }
};

int main() {
  Shop shop;
  int declined = 0;
  for (int i = 0; i < 8; ++i) {
    try {
      shop.checkout(/*declined=*/i % 4 == 3);
    } catch (const std::runtime_error&) {
      ++declined;
    }
  }
  for (int i = 0; i < 3; ++i) shop.search();
  std::cout << "tree_program: calls done, " << declined << " declined" << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
  return declined == 2 ? 0 : 1;
}
