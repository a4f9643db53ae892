// When a coroutine awaits, phanos spells its promise type, which depends on
// its parameters' types, a pack's by its name: with an unnamed pack such a
// coroutine is left as written, with a warning. Without co_await, or with a
// named pack, it is profiled.
// RUN: %phanos_cxx -std=c++20 -fsyntax-only -Xclang -verify %s

#include "coroutine_support.hpp"

#include <phanos/phanos.hpp>

template <class... Ignored>
// expected-warning@+1 {{[[phanos::profile]] ignored on 'first': it is a coroutine that awaits and has an unnamed parameter pack; name the pack}}
[[phanos::profile]] Task<int> first(int n, Ignored...) {
  co_await std::suspend_never{};
  co_return n;
}

template <class... Ignored>
[[phanos::profile]] Task<int> returns_only(int n, Ignored...) {
  co_return n;
}

template <class... Counted>
[[phanos::profile]] Task<int> counted(int n, Counted... counted) {
  co_await std::suspend_never{};
  co_return n + static_cast<int>(sizeof...(counted));
}

int use() {
  Task<int> a = first(1, 'x');
  Task<int> b = counted(1, 'x');
  Task<int> c = returns_only(1, 'x');
  a.start();
  b.start();
  c.start();
  return a.result() + b.result() + c.result();
}
