// The code the plugin generates adds no diagnostic, even with every warning
// clang has turned on.
// RUN: %phanos_cxx -Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic -Wno-padded -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic -Wno-padded -fsyntax-only -Xclang -verify %s
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <memory>
#include <string>

namespace app {
struct Service {
  [[phanos::profile]] int count(int n) const { return n; }
  [[phanos::profile]] std::string echo(std::string s) { return s; }
  [[phanos::profile]] const char* name() const { return __func__; }
  [[phanos::profile]] Service() { value = 1; }
  [[phanos::profile]] ~Service() { value = 0; }
  [[phanos::profile]] constexpr static int twice(int v) { return 2 * v; }
  int value = 0;
};

template <class T>
[[phanos::profile]] std::unique_ptr<T> make(T value) { return std::make_unique<T>(value); }

[[phanos::profile]] static auto depth(int n) {
  if (n == 0) return 0;
  return depth(n - 1) + 1;
}

int guarded(int n);
[[phanos::profile]] int guarded(int n) try { return n; } catch (...) { return -1; }

[[noreturn, phanos::profile]] void fail();
[[phanos::profile]] void fail() { throw 1; }

int use();
int use() {
  Service s;
  return s.count(1) + static_cast<int>(s.echo("x").size()) + *make(2) + depth(2) + guarded(1) +
         Service::twice(1) + (s.name() != nullptr);
}

#if defined(__cpp_impl_coroutine)
}  // namespace app
#include <coroutine>
namespace app {
struct Lazy {
  struct promise_type {
    Lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
    std::suspend_always yield_value(int) noexcept { return {}; }
  };
};
Lazy coroutine(int n);
[[phanos::profile]] Lazy coroutine(int n) {
  co_await std::suspend_always{};
  co_yield n;
  co_return n;
}
#endif
}  // namespace app
