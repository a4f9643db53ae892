// Member functions of every qualification, virtual dispatch, and out-of-line
// definitions: the item is the class name, without its namespace.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

namespace shop {
struct Base {
  virtual ~Base() = default;
  [[phanos::profile]] virtual int price() const { return 1; }
  virtual int tax() const = 0;
};

struct Cart final : Base {
  [[phanos::profile]] int price() const override { return 10 + tax(); }
  [[phanos::profile]] int tax() const final { return 2; }
  [[phanos::profile]] static int count() { return 3; }
  [[phanos::profile]] int lvalue_only() & { return 4; }
  [[phanos::profile]] int rvalue_only() && { return 5; }
  [[phanos::profile]] int from_volatile() volatile { return 6; }
  [[phanos::profile]] int total() const;
  int value = 7;
};
}  // namespace shop

[[phanos::profile]] int shop::Cart::total() const { return price() + value; }

int main() {
  profile_to_stdout();
  shop::Cart cart;
  const shop::Base& base = cart;
  int result = base.price();
  std::cout << "virtual: " << result << "\n";
  // CHECK: profiler: time_profiler, method: Cart:price.tax, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Cart:price, value: {{.*}} mS
  // CHECK-NEXT: virtual: 12
  result = shop::Cart::count();
  std::cout << "static: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Cart:count, value: {{.*}} mS
  // CHECK-NEXT: static: 3
  result = cart.lvalue_only() * 10 + shop::Cart{}.rvalue_only();
  std::cout << "ref-qualified: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Cart:{{lvalue_only|rvalue_only}}, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Cart:{{lvalue_only|rvalue_only}}, value: {{.*}} mS
  // CHECK-NEXT: ref-qualified: 45
  volatile shop::Cart& shared = cart;
  result = shared.from_volatile();
  std::cout << "volatile: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Cart:from_volatile, value: {{.*}} mS
  // CHECK-NEXT: volatile: 6
  result = cart.total();
  std::cout << "out of line: " << result << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Cart:total.price.tax, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Cart:total.price, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Cart:total, value: {{.*}} mS
  // CHECK-NEXT: out of line: 19
}
