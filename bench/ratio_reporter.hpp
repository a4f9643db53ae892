#pragma once
// Google Benchmark's console output, followed by each measured figure set
// against its baseline from the same run.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
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
};

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  explicit RatioReporter(std::vector<Comparison> comparisons) : comparisons_(std::move(comparisons)) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration && !run.error_occurred) {
        nanoseconds_[run.benchmark_name()] = run.GetAdjustedRealTime() * to_nanoseconds(run.time_unit);
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
      if (c.compare == Compare::difference) {
        std::snprintf(line, sizeof line, "  %-52s %8.2f ns vs %8.2f ns: %+.2f ns\n", c.description.c_str(),
                      measured->second, baseline->second, measured->second - baseline->second);
      } else {
        std::snprintf(line, sizeof line, "  %-52s %8.2f ns vs %8.2f ns: %.2fx\n", c.description.c_str(),
                      measured->second, baseline->second, measured->second / baseline->second);
      }
      out << line;
    }
  }

 private:
  static double to_nanoseconds(benchmark::TimeUnit unit) {
    switch (unit) {
      case benchmark::kSecond: return 1e9;
      case benchmark::kMillisecond: return 1e6;
      case benchmark::kMicrosecond: return 1e3;
      case benchmark::kNanosecond: return 1;
    }
    return 1;
  }

  std::vector<Comparison> comparisons_;
  std::map<std::string, double> nanoseconds_;
};

}  // namespace phanos_bench
