// Hooks see where each call stands in its call tree: the context string its
// records carry as their method, "Item:root.child.name".
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not=method:
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <iostream>
#include <memory>

struct Shop {
  [[phanos::profile]] int price() { return 4; }
  [[phanos::profile]] int tax() { return price() / 2; }
  [[phanos::profile]] int checkout() { return price() + tax(); }
};

int main() {
  phanos::Config config;
  config.job = "hooks";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("out", std::cout));
  phanos::profiler().before_func = [](const phanos::Call& call) {
    std::cout << "before " << call.qualified_name() << " in " << call.context() << "\n";
  };

  std::cout << Shop().checkout() << "\n";
  // CHECK:      before Shop::checkout in Shop:checkout
  // CHECK-NEXT: before Shop::price in Shop:checkout.price
  // CHECK-NEXT: before Shop::tax in Shop:checkout.tax
  // CHECK-NEXT: before Shop::price in Shop:checkout.tax.price
  // The records name the same places.
  // CHECK-NEXT: profiler: time_profiler, method: Shop:checkout.price, value: {{[0-9.e-]+}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Shop:checkout.tax.price, value: {{[0-9.e-]+}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Shop:checkout.tax, value: {{[0-9.e-]+}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Shop:checkout, value: {{[0-9.e-]+}} mS
  // CHECK-NEXT: 6
}
