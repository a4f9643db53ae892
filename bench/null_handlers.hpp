#pragma once
// Handlers that send nothing, so that a benchmark measures phanos' own work:
// with the records dropped, or serialised as the RabbitMQ handlers do (the
// cost without any handler I/O).

#include <benchmark/benchmark.h>
#include <phanos/phanos.hpp>

#include <string>
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

class SerialisingHandler : public phanos::Handler {
 public:
  SerialisingHandler() : Handler("serialise") {}
  void handle(const std::vector<phanos::Record>& records, std::string_view) override {
    std::string json = phanos::to_json(records);
    benchmark::DoNotOptimize(json.data());
  }
};

}  // namespace phanos_bench
