// C++11 code is instrumented too: the generated code and the header the
// plugin includes are C++11, warning-free even with -pedantic. Such a program
// does not include <phanos/phanos.hpp> (C++17): PHANOS_CONFIG configures it.
// A constexpr function keeps its body as written before C++17, where a lambda
// cannot run in a constant expression.
// RUN: %phanos_cxx -std=c++11 -pedantic -Xclang -verify %s %phanos_link -o %t
// RUN: env PHANOS_CONFIG=%S/Inputs/stream_to_stdout.json %t | FileCheck %s

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <utility>

namespace shapes {

struct Counter {
  [[phanos::profile]] Counter() : count(0) { ++count; }
  [[phanos::profile]] ~Counter() { std::printf("~Counter %d\n", count); }
  [[phanos::profile]] int& at() { return count; }
  [[phanos::profile]] int get() const noexcept { return count; }
  [[phanos::profile]] Counter& operator+=(int n) {
    count += n;
    return *this;
  }
  int count;
};

// expected-warning@+1 {{[[phanos::profile]] ignored on 'square': it is constexpr, and before C++17 a lambda cannot carry its body in a constant expression}}
[[phanos::profile]] constexpr int square(int n) { return n * n; }

template <class T, class... Rest>
[[phanos::profile]] T sum(T first, Rest... rest) {
  T values[] = {first, rest...};
  T total = 0;
  for (T v : values) total += v;
  return total;
}

[[phanos::profile]] std::unique_ptr<int> boxed(std::unique_ptr<int> box, int) { return box; }

[[phanos::profile]] const char* name() { return __func__; }

[[phanos::profile]] int checked(int n) try {
  if (n < 0) throw std::invalid_argument("negative");
  return n;
} catch (const std::invalid_argument&) {
  return 0;
}

[[phanos::profile]] auto trailing(int n) -> decltype(n + 1) { return n + 1; }

}  // namespace shapes

int main() {
  static_assert(shapes::square(3) == 9, "still a constant expression");
  {
    shapes::Counter counter;
    counter += 2;
    ++counter.at();
    std::printf("count %d\n", counter.get());
  }
  // CHECK: profiler: time_profiler, method: Counter:Counter, value: {{.*}} mS
  // CHECK: profiler: time_profiler, method: Counter:operator+=, value: {{.*}} mS
  // CHECK: profiler: time_profiler, method: Counter:at, value: {{.*}} mS
  // CHECK: profiler: time_profiler, method: Counter:get, value: {{.*}} mS
  // CHECK: count 4
  // CHECK: ~Counter 4
  // CHECK: profiler: time_profiler, method: Counter:~Counter, value: {{.*}} mS
  std::printf("sum %d\n", shapes::sum(1, 2, 3));
  // CHECK: profiler: time_profiler, method: shapes:sum, value: {{.*}} mS
  // CHECK: sum 6
  std::unique_ptr<int> box = shapes::boxed(std::unique_ptr<int>(new int(7)), 0);
  std::printf("box %d name %s\n", *box, shapes::name());
  // CHECK: profiler: time_profiler, method: shapes:boxed, value: {{.*}} mS
  // CHECK: profiler: time_profiler, method: shapes:name, value: {{.*}} mS
  // CHECK: box 7 name name
  std::printf("checked %d %d trailing %d\n", shapes::checked(5), shapes::checked(-1), shapes::trailing(1));
  // CHECK-DAG: profiler: time_profiler, method: shapes:checked, value: {{.*}} mS
  // CHECK-DAG: profiler: time_profiler, method: shapes:trailing, value: {{.*}} mS
  // CHECK: checked 5 0 trailing 2
  return shapes::square(2) - 4;
}
