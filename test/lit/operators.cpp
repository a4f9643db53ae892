// Operators keep their overload resolution; their name is `operator...`.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>

struct Money {
  long cents;
  [[phanos::profile]] Money operator+(const Money& other) const { return {cents + other.cents}; }
  [[phanos::profile]] bool operator==(const Money& other) const { return cents == other.cents; }
  [[phanos::profile]] long operator()(long factor) const { return cents * factor; }
  [[phanos::profile]] explicit operator bool() const { return cents != 0; }
  [[phanos::profile]] Money& operator+=(long more) { cents += more; return *this; }
};

[[phanos::profile]] std::ostream& operator<<(std::ostream& out, const Money& m) { return out << m.cents << "c"; }

int main() {
  profile_to_stdout();
  Money a{150}, b{50};
  Money sum = a + b;
  // CHECK: profiler: time_profiler, method: Money:operator+, value: {{.*}} mS
  bool equal = sum == Money{200};
  std::cout << equal << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Money:operator==, value: {{.*}} mS
  // CHECK-NEXT: 1
  long tripled = sum(3);
  bool nonzero = static_cast<bool>(sum);
  std::cout << tripled << " " << nonzero << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Money:operator(), value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Money:operator bool, value: {{.*}} mS
  // CHECK-NEXT: 600 1
  Money& same = (sum += 1);
  std::cout << (&same == &sum) << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Money:operator+=, value: {{.*}} mS
  // CHECK-NEXT: 1
  std::cout << sum << "\n";
  // CHECK-NEXT: 201cprofiler: time_profiler, method: operators:operator<<, value: {{.*}} mS
}
