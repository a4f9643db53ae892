// Hygiene: the names the generated code declares are reserved ones
// (__phanos_site, __phanos_call, ...), so a body may declare any valid name,
// even the ones earlier versions of phanos used (phanos_site_ beside a body
// kept in place). No macro changes what phanos compiles: not one defined
// after <phanos/phanos.hpp> (generated tokens are never macro-expanded), and
// not one on the command line (the header phanos includes first shields the
// names it spells), one RUN per name the generated code spells. (The program
// does without <phanos/phanos.hpp>, whose own names such macros would break:
// PHANOS_CONFIG configures it.)
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t
// RUN: env PHANOS_CONFIG=%S/Inputs/stream_to_stdout.json %t | FileCheck %s
// RUN: %phanos_cxx -std=c++20 -Dphanos=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Ddetail=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dinvoke=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dinvoke_constexpr=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -DSite=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -DGuardedCall=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -DArgument=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -DUnnamedArgument=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dargument_of=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dprofile_coroutine=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dtrack=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dyielding=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dresumed=broken -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -std=c++20 -Dsuspending=broken -fsyntax-only -Xclang -verify %s
// expected-no-diagnostics

#include "coroutine_support.hpp"

#include <cstdio>
#include <initializer_list>

// [[phanos::profile]] would read [[broken::profile]] from here on.
#define phanos broken
#define detail broken
#define invoke broken
#define invoke_constexpr broken
#define Site broken
#define GuardedCall broken
#define Argument broken
#define UnnamedArgument broken
#define argument_of broken
#define profile_coroutine broken
#define track broken
#define yielding broken
#define resumed broken
#define suspending broken

// Kept in place beside the call guard: its locals share the guard's scope.
__attribute__((phanos_profile)) auto countdown(int n) {
  int phanos_site_ = n, phanos_call_ = 0, phanos_arguments_ = 0;
  if (phanos_site_ == 0) return phanos_call_ + phanos_arguments_;
  return countdown(n - 1) + 1;
}

__attribute__((phanos_profile)) const char* named(int phanos_func_, int) {
  return phanos_func_ > 0 ? __func__ : "";
}

__attribute__((phanos_profile)) constexpr int doubled(int phanos_site_) { return 2 * phanos_site_; }

__attribute__((phanos_profile)) Task<int> awaits(int phanos_coroutine_) {
  co_await std::suspend_never{};
  co_return phanos_coroutine_;
}

__attribute__((phanos_profile)) Generator<int> yields(int n) {
  for (int i = 0; i < n; ++i) co_yield i;
}

int main() {
  static_assert(doubled(2) == 4);
  Task<int> task = awaits(5);
  task.start();
  int yielded = 0;
  for (Generator<int> g = yields(3); g.next();) yielded += g.value();
  std::printf("%d %s %d %d %d\n", countdown(2), named(1, 0), doubled(3), task.result(), yielded);
  // CHECK-DAG: method: generated_names:awaits,
  // CHECK-DAG: method: generated_names:yields,
  // CHECK-DAG: method: generated_names:countdown.countdown.countdown,
  // CHECK-DAG: method: generated_names:named,
  // CHECK-DAG: method: generated_names:doubled,
  // CHECK: 2 named 6 5 3
}
