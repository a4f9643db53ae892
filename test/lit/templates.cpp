// Function templates, members of class templates and member templates are
// instrumented in every instantiation; the item drops template arguments.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <iostream>
#include <string>

template <class T>
[[phanos::profile]] T doubled(T value) { return value + value; }

template <class... Args>
[[phanos::profile]] std::size_t how_many(Args&&... args) { return sizeof...(args); }

template <class T>
struct Stack {
  [[phanos::profile]] void push(T value) { top = value; ++size; }
  template <class U>
  [[phanos::profile]] U top_as() const { return static_cast<U>(top); }
  [[phanos::profile]] T peek() const;
  T top{};
  int size = 0;
};

template <class T>
[[phanos::profile]] T Stack<T>::peek() const { return top; }

int main() {
  profile_to_stdout();
  int number = doubled(2);
  std::string text = doubled(std::string("ab"));
  std::cout << number << " " << text << "\n";
  // CHECK: profiler: time_profiler, method: templates:doubled, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: templates:doubled, value: {{.*}} mS
  // CHECK-NEXT: 4 abab
  std::size_t three = how_many(1, "two", 3.0), none = how_many();
  std::cout << three << none << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: templates:how_many, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: templates:how_many, value: {{.*}} mS
  // CHECK-NEXT: 30
  Stack<int> ints;
  ints.push(7);
  Stack<double> doubles;
  doubles.push(2.5);
  // CHECK-NEXT: profiler: time_profiler, method: Stack:push, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Stack:push, value: {{.*}} mS
  double as_double = ints.top_as<double>();
  int as_int = doubles.top_as<int>();
  double peeked = doubles.peek();
  std::cout << as_double << " " << as_int << " " << peeked << "\n";
  // CHECK-NEXT: profiler: time_profiler, method: Stack:top_as, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Stack:top_as, value: {{.*}} mS
  // CHECK-NEXT: profiler: time_profiler, method: Stack:peek, value: {{.*}} mS
  // CHECK-NEXT: 7 2 2.5
}
