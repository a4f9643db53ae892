// What a profiled coroutine costs per suspension and resumption: the same
// coroutine, suspending at every co_await and resumed by the benchmark loop,
// unprofiled and profiled. Each iteration is one resume + suspend pair.

#include <benchmark/benchmark.h>
#include <phanos/phanos.hpp>

#include <coroutine>
#include <exception>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "null_handlers.hpp"

namespace {

using phanos_bench::DiscardingHandler;

// A coroutine that never ends; destroyed (while suspended) by its owner.
class Spinner {
 public:
  struct promise_type {
    Spinner get_return_object() { return Spinner(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
  Spinner(Spinner&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  ~Spinner() {
    if (handle_) handle_.destroy();
  }
  // Out of line, so that the compiler cannot see through the coroutine and
  // fold the loop away.
  __attribute__((noinline)) void resume() { handle_.resume(); }

 private:
  explicit Spinner(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
  std::coroutine_handle<promise_type> handle_;
};

Spinner spin_plain() {
  for (;;) {
    benchmark::ClobberMemory();
    co_await std::suspend_always{};
  }
}

[[phanos::profile]] Spinner spin_profiled() {
  for (;;) {
    benchmark::ClobberMemory();
    co_await std::suspend_always{};
  }
}

void resume_in_loop(benchmark::State& state, Spinner spinner) {
  spinner.resume();  // first entry: the profiled one enters its call here
  for (auto _ : state) spinner.resume();
}

void BM_suspend_resume_plain(benchmark::State& state) { resume_in_loop(state, spin_plain()); }
BENCHMARK(BM_suspend_resume_plain);

// Profiling off (no handler): the scope only checks that it is not tracked.
void BM_suspend_resume_profiled_off(benchmark::State& state) { resume_in_loop(state, spin_profiled()); }
BENCHMARK(BM_suspend_resume_profiled_off);

[[phanos::profile]] void resume_inside_root(benchmark::State& state) { resume_in_loop(state, spin_profiled()); }

// Resumed from a profiled call: the coroutine's call becomes and stops being
// the thread's current call at every pair.
void BM_suspend_resume_profiled(benchmark::State& state) {
  phanos::Config config;
  config.job = "bench";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<DiscardingHandler>());
  resume_inside_root(state);
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_suspend_resume_profiled);

// Resumed from outside any profiled call (a plain event loop): the same, plus
// the check for records to hand over when the coroutine lets the thread go.
void BM_suspend_resume_profiled_root(benchmark::State& state) {
  phanos::Config config;
  config.job = "bench";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<DiscardingHandler>());
  resume_in_loop(state, spin_profiled());
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_suspend_resume_profiled_root);

}  // namespace

BENCHMARK_MAIN();
