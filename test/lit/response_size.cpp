// The root's result is measured for `response_size`: contents of strings and
// contiguous containers, sizeof of trivially copyable values, a user's
// phanos::result_size specialisation (or one of phanos::response_size, its
// first name); nothing for void, other types, or a
// call that threw. Children are never measured.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <array>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct Page {
  std::string html;
};
template <>
struct phanos::result_size<Page> {
  static std::size_t of(const Page& page) { return page.html.size(); }
};

// The trait's first name works too.
struct Report {
  std::vector<char> body;
};
template <>
struct phanos::response_size<Report> {
  static std::size_t of(const Report& report) { return report.body.size() + 1; }
};

struct Point {
  std::int32_t x, y;
};

struct Sized {
  [[phanos::profile]] std::vector<std::int64_t> child() { return {1, 2, 3}; }
  [[phanos::profile]] std::string root() {
    child();
    return "abc";
  }
};

[[phanos::profile]] std::vector<std::int64_t> numbers() { return {1, 2, 3}; }
[[phanos::profile]] Point point() { return {1, 2}; }
[[phanos::profile]] const std::array<std::uint16_t, 5>& array_ref() {
  static std::array<std::uint16_t, 5> values{};
  return values;
}
[[phanos::profile]] Page page() { return {"<p>hi</p>"}; }
[[phanos::profile]] Report report() { return {{'a', 'b'}}; }
[[phanos::profile]] std::map<int, int> not_measured() { return {{1, 2}}; }
[[phanos::profile]] void nothing() {}
[[phanos::profile]] int fails() { throw 1; }

int main() {
  phanos::Config config;
  config.job = "sizes";
  config.time_profile = false;
  config.response_size_profile = true;
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));

  Sized{}.root();
  // CHECK: profiler: response_size, method: Sized:root, value: 3.0 B
  numbers();
  // CHECK-NEXT: profiler: response_size, method: response_size:numbers, value: 24.0 B
  point();
  // CHECK-NEXT: profiler: response_size, method: response_size:point, value: 8.0 B
  array_ref();
  // CHECK-NEXT: profiler: response_size, method: response_size:array_ref, value: 10.0 B
  page();
  // CHECK-NEXT: profiler: response_size, method: response_size:page, value: 9.0 B
  report();
  // CHECK-NEXT: profiler: response_size, method: response_size:report, value: 3.0 B
  not_measured();
  nothing();
  try {
    fails();
  } catch (int) {
  }
  std::cout << "done\n";
  // CHECK-NEXT: done
}
