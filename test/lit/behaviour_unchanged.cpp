// The same program built with and without the plugin prints exactly the same:
// results, copy and move counts, exceptions, overload choices. Only the
// profiled build writes records (to stderr here).
// RUN: %plain_cxx %s %phanos_link -o %t.plain
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t.profiled
// RUN: %t.plain > %t.plain.out 2> %t.plain.err
// RUN: %t.profiled > %t.profiled.out 2> %t.profiled.err
// RUN: diff %t.plain.out %t.profiled.out
// RUN: FileCheck --check-prefix=PLAIN %s < %t.plain.err
// RUN: FileCheck --check-prefix=RECORDS %s < %t.profiled.err
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

struct Counted {
  static inline int copies = 0, moves = 0;
  int value = 0;
  Counted(int v = 0) : value(v) {}
  Counted(const Counted& o) : value(o.value) { ++copies; }
  Counted(Counted&& o) noexcept : value(o.value) { ++moves; }
  Counted& operator=(const Counted& o) { value = o.value; ++copies; return *this; }
  Counted& operator=(Counted&& o) noexcept { value = o.value; ++moves; return *this; }
};

struct Base { int tag = 1; };
struct Derived : Base { int extra = 2; };

[[phanos::profile]] Counted from_param(Counted c) { return c; }
[[phanos::profile]] Counted from_paren_param(Counted c) { return (c); }
[[phanos::profile]] Counted from_local() { Counted c(3); return c; }
[[phanos::profile]] Counted from_prvalue() { return Counted(4); }
[[phanos::profile]] Counted from_either(bool b) { Counted x(1), y(2); if (b) return x; return y; }
[[phanos::profile]] Counted from_braces() { return {5}; }
[[phanos::profile]] const Counted& by_reference(const Counted& c) { return c; }
[[phanos::profile]] Counted&& by_rvalue(Counted&& c) { return std::move(c); }
[[phanos::profile]] Counted by_const_copy(const Counted c) { return c; }
[[phanos::profile]] Counted captured_copy(Counted c) {
  auto keep = [c]() { return c; };  // copies in both builds
  return keep();
}
[[phanos::profile]] Counted captured_reference(Counted c) {
  auto keep = [&]() { return c; };
  return keep();
}
[[phanos::profile]] Base sliced(Derived d) { return d; }
[[phanos::profile]] std::unique_ptr<int> moved_only(std::unique_ptr<int> p) { return p; }

[[phanos::profile]] const char* pick(int) { return "int"; }
[[phanos::profile]] const char* pick(long) { return "long"; }
[[phanos::profile]] const char* pick(const std::string&) { return "string"; }
template <class T>
[[phanos::profile]] const char* pick(T*) { return "pointer"; }

[[phanos::profile]] int throws(int code) {
  if (code) throw std::runtime_error("code " + std::to_string(code));
  return 0;
}

template <class F>
void measure(const char* what, F&& f) {
  Counted::copies = Counted::moves = 0;
  Counted result = f();
  std::cout << what << ": value=" << result.value << " copies=" << Counted::copies << " moves=" << Counted::moves
            << "\n";
}

struct CountingHandler : phanos::Handler {
  using Handler::Handler;
  void handle(const std::vector<phanos::Record>& records, std::string_view) override { total += records.size(); }
  std::size_t total = 0;
};

int main() {
  phanos::Config config;
  config.job = "behaviour";
  phanos::profiler().config(config);
  auto counter = std::make_shared<CountingHandler>("count");
  phanos::profiler().add_handler(counter);

  Counted c(1);
  measure("param", [&] { return from_param(c); });
  measure("paren param", [&] { return from_paren_param(c); });
  measure("local", [] { return from_local(); });
  measure("prvalue", [] { return from_prvalue(); });
  measure("either", [] { return from_either(true); });
  measure("braces", [] { return from_braces(); });
  measure("reference", [&] { return by_reference(c); });
  measure("rvalue", [&] { return by_rvalue(std::move(c)); });
  measure("const copy", [&] { return by_const_copy(c); });
  measure("captured copy", [&] { return captured_copy(c); });
  measure("captured reference", [&] { return captured_reference(c); });
  std::cout << "sliced tag=" << sliced(Derived{}).tag << "\n";
  std::cout << "move-only=" << *moved_only(std::make_unique<int>(9)) << "\n";
  int i = 0;
  std::cout << pick(1) << " " << pick(1L) << " " << pick(std::string("s")) << " " << pick(&i) << "\n";
  try {
    throws(7);
  } catch (const std::runtime_error& e) {
    std::cout << "exception: " << e.what() << "\n";
  }
  std::cerr << "records: " << counter->total << "\n";
  // RECORDS: records: 18
  // PLAIN: records: 0
}
