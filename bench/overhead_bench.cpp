// What a profiled call costs the program, each figure next to a baseline
// measured in the same run; the ratios are printed after the benchmarks
// (see README.md for the goals they are read against).

#include <benchmark/benchmark.h>
#include <phanos/phanos.hpp>
#include <phanos/prometheus.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

#include "allocation_counter.hpp"
#include "clock.hpp"
#include "http_client.hpp"
#include "labelled_histogram.hpp"
#include "measured_calls.hpp"
#include "null_handlers.hpp"
#include "profiler_setup.hpp"
#include "ratio_reporter.hpp"

namespace {

using phanos::PrometheusHandlerOptions;
using phanos_bench::DiscardingHandler;
using phanos_bench::LabelledHistogram;
using phanos_bench::LabelOrder;
using phanos_bench::plain;
using phanos_bench::profiled;
using phanos_bench::ProfilerSetup;
using phanos_bench::SerialisingHandler;

class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// Calls before the measured loop: the first ones make call paths, intern
// labels and size the thread's buffers; from then on the loop is the steady
// state, whose allocations each benchmark counts.
constexpr int warm_up_calls = 300;

// Allocations made from `before` on, as the benchmark's "allocations".
void count_allocations(benchmark::State& state, long before) {
  state.counters["allocations"] = static_cast<double>(phanos_bench::allocations_made() - before);
}

// The loop runs inside one profiled root, so every iteration is one child
// call; records are handed over every 100, as in a long-running request.
[[phanos::profile]] void root_of_children(benchmark::State& state) {
  int x = 0;
  for (int i = 0; i < warm_up_calls; ++i) benchmark::DoNotOptimize(x = profiled(x));
  const long before = phanos_bench::allocations_made();
  for (auto _ : state) benchmark::DoNotOptimize(x = profiled(x));
  count_allocations(state, before);
}

void BM_plain_call(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x = plain(x));
}
BENCHMARK(BM_plain_call);

void BM_profiled_call_no_handlers(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x = profiled(x));
}
BENCHMARK(BM_profiled_call_no_handlers);

void BM_two_steady_clock_reads(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::chrono::steady_clock::now());
    benchmark::DoNotOptimize(std::chrono::steady_clock::now());
  }
}
BENCHMARK(BM_two_steady_clock_reads);

#if defined(__x86_64__)
void BM_two_rdtsc_reads(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(__rdtsc());
    benchmark::DoNotOptimize(__rdtsc());
  }
}
BENCHMARK(BM_two_rdtsc_reads);
#endif

void BM_child_call_discarding_handler(benchmark::State& state) {
  ProfilerSetup setup(std::make_shared<DiscardingHandler>());
  root_of_children(state);
}
BENCHMARK(BM_child_call_discarding_handler);

void BM_child_call_stream_handler(benchmark::State& state) {
  NullBuffer buffer;
  std::ostream null_stream(&buffer);
  ProfilerSetup setup(std::make_shared<phanos::StreamHandler>("null", null_stream));
  root_of_children(state);
}
BENCHMARK(BM_child_call_stream_handler);

PrometheusHandlerOptions on_any_loopback_port() {
  PrometheusHandlerOptions options;
  options.listen = "127.0.0.1:0";
  return options;
}

// Records into the inbox; the handler's own thread aggregates them every
// 100 ms meanwhile, as in a program.
void BM_child_call_prometheus_handler(benchmark::State& state) {
  ProfilerSetup setup(std::make_shared<phanos::PrometheusHandler>("prom", on_any_loopback_port()));
  root_of_children(state);
}
BENCHMARK(BM_child_call_prometheus_handler);

// The same while another thread scrapes /metrics without pause: a scrape
// must not make a profiled call wait.
void BM_child_call_prometheus_handler_scraped(benchmark::State& state) {
  auto handler = std::make_shared<phanos::PrometheusHandler>("prom", on_any_loopback_port());
  ProfilerSetup setup(handler);
  std::atomic<bool> done{false};
  std::atomic<int> scrapes{0};
  std::thread scraper([&] {
    while (!done.load()) {
      if (!phanos::prometheus::test::get(handler->port(), "/metrics").empty()) ++scrapes;
    }
  });
  root_of_children(state);
  done = true;
  scraper.join();
  state.counters["scrapes"] = scrapes.load();
}
BENCHMARK(BM_child_call_prometheus_handler_scraped);

void BM_child_call_to_json(benchmark::State& state) {
  ProfilerSetup setup(std::make_shared<SerialisingHandler>());
  root_of_children(state);
}
BENCHMARK(BM_child_call_to_json);

void BM_child_call_with_hooks(benchmark::State& state) {
  ProfilerSetup setup(std::make_shared<DiscardingHandler>());
  int calls = 0;
  phanos::profiler().before_func = [&](const phanos::Call&) { ++calls; };
  phanos::profiler().after_func = [&](const phanos::Call&) { ++calls; };
  root_of_children(state);
  benchmark::DoNotOptimize(calls);
}
BENCHMARK(BM_child_call_with_hooks);

// A child call that makes one histogram observation with N labels: records
// wait until a call returns, so the observation is made inside a call.
[[phanos::profile]] __attribute__((noinline)) void observing_child(phanos::Histogram& histogram,
                                                                   const phanos::Labels& labels) {
  histogram.observe(1.5, labels);
}

[[phanos::profile]] void root_of_observations(benchmark::State& state, phanos::Histogram& histogram,
                                              const phanos::Labels& labels) {
  for (int i = 0; i < warm_up_calls; ++i) observing_child(histogram, labels);
  const long before = phanos_bench::allocations_made();
  for (auto _ : state) observing_child(histogram, labels);
  count_allocations(state, before);
}

void observe_with_labels(benchmark::State& state, LabelOrder order) {
  ProfilerSetup setup(std::make_shared<DiscardingHandler>());
  const LabelledHistogram observed = phanos_bench::labelled_histogram(static_cast<int>(state.range(0)), order);
  phanos::profiler().add_metric(observed.histogram);
  root_of_observations(state, *observed.histogram, observed.labels);
}

void BM_observe_with_labels(benchmark::State& state) { observe_with_labels(state, LabelOrder::declared); }
BENCHMARK(BM_observe_with_labels)->Arg(1)->Arg(8)->Arg(32);

void BM_observe_with_labels_reversed(benchmark::State& state) { observe_with_labels(state, LabelOrder::reversed); }
BENCHMARK(BM_observe_with_labels_reversed)->Arg(8);

// Heap held by waiting records: a root whose children stay below the early
// hand-over (99 records), measured while the root is still running, on a
// new thread so that no buffer of an earlier root is reused.
[[phanos::profile]] void root_holding_records(int children, long& bytes_waiting) {
  const long before = phanos_bench::heap_in_use();
  int x = 0;
  for (int i = 0; i < children; ++i) x = profiled(x);
  bytes_waiting = phanos_bench::heap_in_use() - before;
}

void BM_bytes_per_waiting_record(benchmark::State& state) {
  ProfilerSetup setup(std::make_shared<DiscardingHandler>());
  constexpr int children = 99;
  long bytes = 0;
  for (auto _ : state) {
    std::thread thread([&] {
      // Makes the thread's own state, which is not the records', and no
      // buffer for them: a root's hand-over would leave the thread its own.
      phanos::profiler().flush();
      root_holding_records(children, bytes);
    });
    thread.join();
  }
  state.counters["bytes/record"] = static_cast<double>(bytes) / children;
}
BENCHMARK(BM_bytes_per_waiting_record)->Iterations(10);

[[phanos::profile]] void root_of_many(int children) {
  int x = 0;
  for (int i = 0; i < children; ++i) x = profiled(x);
  benchmark::DoNotOptimize(x);
}

// Everything the root and its thread make phanos allocate, from a new thread:
// waiting records (handed over every 100), buffers, the thread's state.
void BM_peak_heap_root_with_10000_children(benchmark::State& state) {
  ProfilerSetup setup(std::make_shared<DiscardingHandler>());
  root_of_many(10000);  // the call paths exist from here on: they are made once per process
  for (auto _ : state) {
    const long start = phanos_bench::heap_in_use();
    phanos_bench::reset_peak();
    std::thread thread([] { root_of_many(10000); });
    thread.join();
    state.counters["peak_bytes"] = static_cast<double>(phanos_bench::peak_heap() - start);
  }
}
BENCHMARK(BM_peak_heap_root_with_10000_children)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  phanos_bench::RatioReporter reporter(
      {
          {"BM_profiled_call_no_handlers", "BM_plain_call", "disabled path vs plain call",
           phanos_bench::Compare::difference, 1.0},
          {"BM_child_call_discarding_handler", "BM_two_steady_clock_reads",
           "child call, discarding handler vs two clock reads"},
          {"BM_child_call_discarding_handler", "BM_two_rdtsc_reads", "child call, discarding handler vs two rdtsc",
           phanos_bench::Compare::ratio, 1.2},
          {"BM_child_call_stream_handler", "BM_two_steady_clock_reads", "child call, StreamHandler to a null stream"},
          {"BM_child_call_prometheus_handler", "BM_two_steady_clock_reads", "child call, PrometheusHandler"},
          {"BM_child_call_prometheus_handler_scraped", "BM_two_steady_clock_reads",
           "child call, PrometheusHandler scraped without pause"},
          {"BM_child_call_to_json", "BM_two_steady_clock_reads", "child call, to_json of every record"},
          {"BM_child_call_with_hooks", "BM_two_steady_clock_reads", "child call, before_func and after_func set"},
          {"BM_observe_with_labels/1", "BM_two_steady_clock_reads", "child call + observe() with 1 label"},
          {"BM_observe_with_labels/8", "BM_two_steady_clock_reads", "child call + observe() with 8 labels"},
          {"BM_observe_with_labels_reversed/8", "BM_two_steady_clock_reads",
           "child call + observe() with 8 labels, reversed"},
          {"BM_observe_with_labels/32", "BM_two_steady_clock_reads", "child call + observe() with 32 labels"},
          {"BM_observe_with_labels/1", "BM_child_call_discarding_handler", "observe() with 1 label over the call alone",
           phanos_bench::Compare::difference, 30.0},
          {"BM_observe_with_labels/8", "BM_child_call_discarding_handler",
           "observe() with 8 labels over the call alone", phanos_bench::Compare::difference, 60.0},
          {"BM_observe_with_labels_reversed/8", "BM_child_call_discarding_handler",
           "observe() with 8 labels reversed over the call alone", phanos_bench::Compare::difference,
           1.5 * 60.0},  // another order: at most 1.5 times the declared order's goal
          {"BM_observe_with_labels/32", "BM_child_call_discarding_handler",
           "observe() with 32 labels over the call alone", phanos_bench::Compare::difference},
      },
      {
          {"BM_bytes_per_waiting_record/iterations:10", "bytes/record", "heap per waiting record", 24, "bytes"},
          {"BM_peak_heap_root_with_10000_children/iterations:3", "peak_bytes",
           "peak heap of a root with 10 000 children", 80 * 1024, "bytes"},
          {"BM_child_call_discarding_handler", "allocations", "allocations, child call (steady state)", 0, "made"},
          {"BM_observe_with_labels/1", "allocations", "allocations, observe() with 1 label (steady state)", 0, "made"},
          {"BM_observe_with_labels/8", "allocations", "allocations, observe() with 8 labels (steady state)", 0, "made"},
          {"BM_observe_with_labels_reversed/8", "allocations",
           "allocations, observe(), 8 labels reversed (steady state)", 0, "made"},
      });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios(std::cout);
  // The floor of a recorded call is two reads of the clock the runtime times
  // calls with (runtime/core/clock.hpp), which is not always rdtsc.
  std::cout << "\ncalls are timed with "
            << (phanos::detail::ticks_are_tsc
                    ? "rdtsc (the kernel's clocksource is tsc)\n"
                    : "clock_gettime(CLOCK_MONOTONIC): the kernel's clocksource is not tsc, so rdtsc is not trusted\n");
  benchmark::Shutdown();
}
