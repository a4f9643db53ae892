// A profiled coroutine computes what it computes without the plugin: the
// same results, exceptions, and copies and moves of awaitables, awaiters,
// awaited results and yielded values (yield_value taking a reference; see
// the README for a by-value yield_value). Only the profiled build writes
// records (to stderr).
// RUN: %plain_cxx -std=c++20 %s %phanos_link -o %t.plain
// RUN: %phanos_cxx -std=c++20 -Xclang -verify %s %phanos_link -o %t.profiled
// RUN: %t.plain > %t.plain.out 2> %t.plain.err
// RUN: %t.profiled > %t.profiled.out 2> %t.profiled.err
// RUN: diff %t.plain.out %t.profiled.out
// RUN: FileCheck --check-prefix=OUT %s < %t.profiled.out
// RUN: FileCheck --check-prefix=RECORDS %s < %t.profiled.err
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include "coroutine_support.hpp"

#include <iostream>
#include <memory>
#include <stdexcept>

struct Counted {
  static inline int copies = 0, moves = 0;
  int value = 0;
  Counted(int v = 0) : value(v) {}
  Counted(const Counted& o) : value(o.value) { ++copies; }
  Counted(Counted&& o) noexcept : value(o.value) { ++moves; }
};

// An awaiter that is itself counted, and gives a Counted.
struct CountedAwaiter : Counted {
  using Counted::Counted;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  Counted await_resume() const { return Counted{value}; }
};
// An awaitable whose member operator co_await makes the awaiter.
struct CountedAwaitable : Counted {
  using Counted::Counted;
  CountedAwaiter operator co_await() const { return CountedAwaiter{value}; }
};

struct Stream {
  struct promise_type : CountsFrames {
    const Counted* current = nullptr;
    Stream get_return_object() { return Stream(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const Counted& v) noexcept { current = &v; return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
  explicit Stream(std::coroutine_handle<promise_type> h) : handle(h) {}
  Stream(Stream&& other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~Stream() { if (handle) handle.destroy(); }
  std::coroutine_handle<promise_type> handle;
};

[[phanos::profile]] Task<int> awaits(CountedAwaitable lvalue) {
  Counted a = co_await CountedAwaiter{1};
  Counted b = co_await lvalue;
  Counted c = co_await CountedAwaitable{3};
  CountedAwaiter named{4};
  Counted d = co_await named;
  if (d.value != 4) throw std::logic_error("unreachable");
  co_return a.value + b.value + c.value + d.value;
}

[[phanos::profile]] Task<int> throws() {
  co_await CountedAwaiter{0};
  throw std::runtime_error("thrown");
}

[[phanos::profile]] Stream yields() {
  Counted kept{5};
  co_yield kept;
  co_yield Counted{6};
}

int main() {
  phanos::Config config;
  config.job = "lit";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stderr", std::cerr));

  {
    Task<int> task = awaits(CountedAwaitable{2});
    task.start();
    std::cout << "awaits: " << task.result() << " copies=" << Counted::copies << " moves=" << Counted::moves << "\n";
  }
  // The one move: the parameter's, into the coroutine's frame.
  // OUT: awaits: 10 copies=0 moves=1

  {
    Task<int> failing = throws();
    failing.start();
    try {
      failing.result();
    } catch (const std::runtime_error& e) {
      std::cout << "caught: " << e.what() << "\n";
    }
  }
  // OUT-NEXT: caught: thrown

  Counted::copies = Counted::moves = 0;
  {
    Stream stream = yields();
    for (stream.handle.resume(); !stream.handle.done(); stream.handle.resume())
      std::cout << "yielded: " << stream.handle.promise().current->value << "\n";
  }
  std::cout << "copies=" << Counted::copies << " moves=" << Counted::moves << " frames alive: " << live_frames << "\n";
  // OUT-NEXT: yielded: 5
  // OUT-NEXT: yielded: 6
  // OUT-NEXT: copies=0 moves=0 frames alive: 0

  // RECORDS:      profiler: time_profiler, method: coroutines_behaviour_unchanged:awaits, value: {{.*}} mS
  // RECORDS-NEXT: profiler: time_profiler, method: coroutines_behaviour_unchanged:throws, value: {{.*}} mS
  // RECORDS-NEXT: profiler: time_profiler, method: coroutines_behaviour_unchanged:yields, value: {{.*}} mS
}
