// The operations whose instructions count_instructions.py counts under
// callgrind (bench/README.md, "Instruction counts"). Each operation named on
// the command line (all of them when none is) runs once unmeasured, then n
// and 2n times, a few times over, with callgrind collecting only meanwhile,
// each run dumped as "<operation> <times>": the difference of a pair's counts
// divided by n is the cost of one operation, every constant cost (the loop's
// entry, a root's own call, first-time interning and buffers) cancelled.

#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>
#include <phanos/phanos.hpp>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "labelled_histogram.hpp"
#include "measured_calls.hpp"
#include "null_handlers.hpp"
#include "profiler_setup.hpp"

namespace {

using phanos_bench::DiscardingHandler;
using phanos_bench::LabelOrder;
using phanos_bench::ProfilerSetup;

// A multiple of the hand-over interval (100 records), so that both runs
// include whole hand-overs only.
constexpr int times_per_run = 2000;
// Pairs of runs: a rare slow path (a time next to a rounding tie) adds a few
// thousand instructions to one run; the median of the pairs leaves it out.
constexpr int pairs_of_runs = 5;

void plain_calls(int times) {
  int x = 0;
  for (int i = 0; i < times; ++i) benchmark::DoNotOptimize(x = phanos_bench::plain(x));
}

void profiled_calls(int times) {
  int x = 0;
  for (int i = 0; i < times; ++i) benchmark::DoNotOptimize(x = phanos_bench::profiled(x));
}

// Every call is a child of one root, as in overhead_bench.cpp's child-call rows.
[[phanos::profile]] void root_of_children(int times) { profiled_calls(times); }

[[phanos::profile]] __attribute__((noinline)) void observing_child(phanos::Histogram& histogram,
                                                                   const phanos::Labels& labels) {
  histogram.observe(1.5, labels);
}

[[phanos::profile]] void root_of_observations(int times, phanos::Histogram& histogram, const phanos::Labels& labels) {
  for (int i = 0; i < times; ++i) observing_child(histogram, labels);
}

void count(std::string_view operation, const std::function<void(int)>& run) {
  run(times_per_run);
  for (int pair = 0; pair < pairs_of_runs; ++pair) {
    for (int times : {times_per_run, 2 * times_per_run}) {
      CALLGRIND_TOGGLE_COLLECT;
      run(times);
      CALLGRIND_TOGGLE_COLLECT;
      const std::string dump = std::string(operation) + " " + std::to_string(times);
      CALLGRIND_DUMP_STATS_AT(dump.c_str());
    }
  }
}

void count_observations(std::string_view operation, int count_of_labels, LabelOrder order) {
  ProfilerSetup setup(std::make_shared<DiscardingHandler>());
  const phanos_bench::LabelledHistogram observed = phanos_bench::labelled_histogram(count_of_labels, order);
  phanos::profiler().add_metric(observed.histogram);
  // A rejected observation costs a log line, not the path counted here.
  if (!observed.histogram->observe(1.5, observed.labels)) {
    std::fprintf(stderr, "counted_operations: %.*s: the histogram rejected its labels\n", int(operation.size()),
                 operation.data());
    std::exit(1);
  }
  count(operation, [&](int times) { root_of_observations(times, *observed.histogram, observed.labels); });
}

struct Operation {
  std::string_view name;
  std::function<void()> count;
};

const std::vector<Operation>& operations() {
  static const std::vector<Operation> all{
      {"plain_call", [] { count("plain_call", plain_calls); }},
      {"disabled_call",
       [] {
         ProfilerSetup setup(nullptr);
         count("disabled_call", profiled_calls);
       }},
      {"recorded_call",
       [] {
         ProfilerSetup setup(std::make_shared<DiscardingHandler>());
         count("recorded_call", root_of_children);
       }},
      {"observe_1_label", [] { count_observations("observe_1_label", 1, LabelOrder::declared); }},
      {"observe_8_labels", [] { count_observations("observe_8_labels", 8, LabelOrder::declared); }},
      {"observe_8_labels_reversed", [] { count_observations("observe_8_labels_reversed", 8, LabelOrder::reversed); }},
  };
  return all;
}

const Operation* find(std::string_view name) {
  for (const Operation& operation : operations()) {
    if (operation.name == name) return &operation;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<const Operation*> chosen;
  for (int i = 1; i < argc; ++i) {
    const Operation* operation = find(argv[i]);
    if (operation == nullptr) {
      std::fprintf(stderr, "counted_operations: unknown operation '%s'; the operations are:", argv[i]);
      for (const Operation& known : operations()) {
        std::fprintf(stderr, " %.*s", int(known.name.size()), known.name.data());
      }
      std::fprintf(stderr, "\n");
      return 2;
    }
    chosen.push_back(operation);
  }
  if (chosen.empty()) {
    for (const Operation& operation : operations()) chosen.push_back(&operation);
  }
  for (const Operation* operation : chosen) operation->count();
}
