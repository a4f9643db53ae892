#pragma once
// A handler that drops records: what a benchmark then measures is phanos'
// own work.

#include <benchmark/benchmark.h>
#include <phanos/phanos.hpp>

#include <string_view>
#include <vector>

namespace phanos_bench {

class DiscardingHandler : public phanos::Handler {
 public:
  DiscardingHandler() : Handler("discard") {}
  void handle(const std::vector<phanos::Record>& records, std::string_view) override {
    benchmark::DoNotOptimize(records.data());
  }
};

}  // namespace phanos_bench
