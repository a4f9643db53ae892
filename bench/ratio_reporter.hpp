#pragma once
// Google Benchmark's console output, followed by each measured figure set
// against its baseline from the same run (and, where it has one, its goal),
// and each counter a benchmark sets (bytes, say) against its goal.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace phanos_bench {

enum class Compare { ratio, difference };

struct Comparison {
  std::string measured;
  std::string baseline;
  std::string description;
  Compare compare = Compare::ratio;
  // The ratio (or the difference, in nanoseconds) must stay at or below it.
  std::optional<double> at_most = std::nullopt;
};

// A counter of one benchmark that must stay at or below `at_most`.
struct CounterGoal {
  std::string benchmark;
  std::string counter;
  std::string description;
  double at_most;
  std::string unit;
};

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  explicit RatioReporter(std::vector<Comparison> comparisons, std::vector<CounterGoal> goals = {})
      : comparisons_(std::move(comparisons)), goals_(std::move(goals)) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      // With --benchmark_repetitions the median stands for the benchmark
      // (reported after the repetitions, it replaces the last one).
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if ((run.run_type == Run::RT_Iteration || median) && !run.error_occurred) {
        const std::string name = run.run_name.str();
        nanoseconds_[name] = run.GetAdjustedRealTime() * to_nanoseconds(run.time_unit);
        for (const auto& [counter_name, counter] : run.counters) counters_[name + " " + counter_name] = counter.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void print_ratios(std::ostream& out) const {
    out << "\nagainst baselines of the same run (real time per iteration):\n";
    for (const Comparison& c : comparisons_) {
      const auto measured = nanoseconds_.find(c.measured);
      const auto baseline = nanoseconds_.find(c.baseline);
      if (measured == nanoseconds_.end() || baseline == nanoseconds_.end()) continue;
      char line[256];
      const bool difference = c.compare == Compare::difference;
      const double value = difference ? measured->second - baseline->second : measured->second / baseline->second;
      std::snprintf(line, sizeof line,
                    difference ? "  %-52s %8.2f ns vs %8.2f ns: %+.2f ns" : "  %-52s %8.2f ns vs %8.2f ns: %.2fx",
                    c.description.c_str(), measured->second, baseline->second, value);
      out << line;
      if (c.at_most) {
        std::snprintf(line, sizeof line, difference ? ", goal <= %+g ns: %s" : ", goal <= %gx: %s", *c.at_most,
                      value <= *c.at_most ? "met" : "NOT met");
        out << line;
      }
      out << '\n';
    }
    out << "\nagainst goals:\n";
    for (const CounterGoal& goal : goals_) {
      const auto value = counters_.find(goal.benchmark + " " + goal.counter);
      if (value == counters_.end()) continue;
      char line[256];
      std::snprintf(line, sizeof line, "  %-52s %10.1f %s, goal <= %g %s: %s\n", goal.description.c_str(),
                    value->second, goal.unit.c_str(), goal.at_most, goal.unit.c_str(),
                    value->second <= goal.at_most ? "met" : "NOT met");
      out << line;
    }
  }

 private:
  static double to_nanoseconds(benchmark::TimeUnit unit) {
    switch (unit) {
      case benchmark::kSecond:
        return 1e9;
      case benchmark::kMillisecond:
        return 1e6;
      case benchmark::kMicrosecond:
        return 1e3;
      case benchmark::kNanosecond:
        return 1;
    }
    return 1;
  }

  std::vector<Comparison> comparisons_;
  std::vector<CounterGoal> goals_;
  std::map<std::string, double> nanoseconds_;
  // "<benchmark> <counter>": the counter's value in the benchmark's last run.
  std::map<std::string, double> counters_;
};

}  // namespace phanos_bench
