// Throughput of the RabbitMQ handlers to a real broker, and what the
// asynchronous handler costs the profiled program per call compared with a
// handler that discards records (same run, printed as a ratio at the end).
//
// Needs a broker: PHANOS_BENCH_AMQP_PORT (run_rabbit_bench.py starts a
// private node and sets it).

#include <benchmark/benchmark.h>
#include <phanos/rabbitmq.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "null_handlers.hpp"

namespace {

int broker_port() {
  const char* port = std::getenv("PHANOS_BENCH_AMQP_PORT");
  return port ? std::atoi(port) : 5672;
}

// The reference scenario's first message: three time_profiler records.
std::vector<phanos::Record> batch() {
  std::vector<phanos::Record> records;
  for (const char* method : {"DummyDbAccess:second_access.first_access", "DummyDbAccess:second_access.first_access",
                             "DummyDbAccess:second_access"}) {
    phanos::Record record;
    record.item = "DummyDbAccess";
    record.metric = "histogram";
    record.units = "mS";
    record.job = "bench";
    record.method = method;
    record.labels = {{"error_raised", "false"}};
    record.operation = "observe";
    records.push_back(record);
  }
  return records;
}

void set_rates(benchmark::State& state, std::size_t records_per_message) {
  state.counters["messages/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * records_per_message), benchmark::Counter::kIsRate);
}

// Blocking publish: each handle() writes one message to the broker.
void BM_ImpProfHandler_publish(benchmark::State& state) {
  phanos::RabbitParams params;
  params.port = broker_port();
  phanos::ImpProfHandler handler("bench", params);
  const auto records = batch();
  for (auto _ : state) handler.handle(records, "time_profiler");
  state.counters["dropped"] = static_cast<double>(handler.dropped());
  set_rates(state, records.size());
}
BENCHMARK(BM_ImpProfHandler_publish)->UseRealTime()->MinTime(2);

// Asynchronous: messages queued, then published; timed until the handler
// has published them all (its destruction drains the queue).
void BM_AsyncImpProfHandler_publish(benchmark::State& state) {
  constexpr int messages = 20000;
  phanos::RabbitParams params;
  params.port = broker_port();
  params.queue_capacity = messages;
  params.drain_timeout = 60;
  const auto records = batch();
  for (auto _ : state) {
    // The queue takes them all (capacity), so nothing is dropped; one left
    // unpublished at the end would be logged.
    auto handler = std::make_unique<phanos::AsyncImpProfHandler>("bench", params);
    for (int i = 0; i < messages; ++i) handler->handle(records, "time_profiler");
    handler.reset();  // waits until all are published (or drain_timeout)
  }
  state.counters["messages/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * messages), benchmark::Counter::kIsRate);
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(state.iterations() * messages * records.size()),
                                                   benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AsyncImpProfHandler_publish)->UseRealTime()->Unit(benchmark::kMillisecond)->Iterations(3);

struct Worker {
  [[phanos::profile]] int step(int i) { return i * 3 + 1; }
};

void profile_with(std::shared_ptr<phanos::Handler> handler) {
  phanos::Config config;
  config.job = "bench";
  phanos::profiler().config(config);
  phanos::profiler().delete_handlers();
  phanos::profiler().add_handler(std::move(handler));
}

// One profiled root call: measured, one record made, handed to the handler.
void profiled_calls(benchmark::State& state) {
  Worker worker;
  int i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(worker.step(++i));
}

void BM_profiled_call_discarding_handler(benchmark::State& state) {
  profile_with(std::make_shared<phanos_bench::DiscardingHandler>());
  profiled_calls(state);
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_profiled_call_discarding_handler)->MinTime(2);

void BM_profiled_call_serialising_handler(benchmark::State& state) {
  profile_with(std::make_shared<phanos_bench::SerialisingHandler>());
  profiled_calls(state);
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_profiled_call_serialising_handler)->MinTime(2);

// The queue is large enough for every call's message (nothing dropped):
// the caller's cost when the broker keeps up.
void BM_profiled_call_async_handler(benchmark::State& state) {
  phanos::RabbitParams params;
  params.port = broker_port();
  params.queue_capacity = static_cast<std::size_t>(state.max_iterations) + 1;
  auto handler = std::make_shared<phanos::AsyncImpProfHandler>("rabbit", params);
  profile_with(handler);
  profiled_calls(state);
  state.counters["dropped"] = static_cast<double>(handler->dropped());
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_profiled_call_async_handler)->Iterations(200000);

// Calls paced slower than the broker takes messages (a root every 40 µs),
// so the queue stays short: the caller's cost in the usual steady state.
// Only the call is timed; the wait between calls is not.
void paced_calls(benchmark::State& state) {
  Worker worker;
  int i = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(worker.step(++i));
    const auto end = std::chrono::steady_clock::now();
    state.SetIterationTime(std::chrono::duration<double>(end - start).count());
    while (std::chrono::steady_clock::now() - end < std::chrono::microseconds(40)) {
    }
  }
}

void BM_paced_call_serialising_handler(benchmark::State& state) {
  profile_with(std::make_shared<phanos_bench::SerialisingHandler>());
  paced_calls(state);
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_paced_call_serialising_handler)->UseManualTime()->Iterations(20000);

void BM_paced_call_async_handler(benchmark::State& state) {
  phanos::RabbitParams params;
  params.port = broker_port();
  auto handler = std::make_shared<phanos::AsyncImpProfHandler>("rabbit", params);
  profile_with(handler);
  paced_calls(state);
  state.counters["dropped"] = static_cast<double>(handler->dropped());
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_paced_call_async_handler)->UseManualTime()->Iterations(20000);

// Calls faster than the broker takes messages, with the default queue:
// most are dropped (counted), the overload case.
void BM_profiled_call_async_handler_overloaded(benchmark::State& state) {
  phanos::RabbitParams params;
  params.port = broker_port();
  auto handler = std::make_shared<phanos::AsyncImpProfHandler>("rabbit", params);
  profile_with(handler);
  profiled_calls(state);
  state.counters["dropped"] = static_cast<double>(handler->dropped());
  phanos::profiler().delete_handlers();
}
BENCHMARK(BM_profiled_call_async_handler_overloaded)->MinTime(2);

// Keeps each benchmark's times per iteration, for the ratios: real time
// (what the program waits, including time lost to the publishing thread
// and the broker on a busy machine) and the calling thread's CPU time.
class Recorder : public benchmark::ConsoleReporter {
 public:
  struct Times {
    double real_ns, cpu_ns;
  };
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration)
        times[run.run_name.function_name] = {run.GetAdjustedRealTime(), run.GetAdjustedCPUTime()};
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, Times> times;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Recorder recorder;
  benchmark::RunSpecifiedBenchmarks(&recorder);
  const auto& times = recorder.times;
  const auto paced_base = times.find("BM_paced_call_serialising_handler");
  const auto paced_async = times.find("BM_paced_call_async_handler");
  if (paced_base != times.end() && paced_async != times.end()) {
    std::cout << "caller-side cost per profiled call, paced, async handler vs serialising handler: "
              << paced_async->second.real_ns << " ns vs " << paced_base->second.real_ns << " ns (ratio "
              << paced_async->second.real_ns / paced_base->second.real_ns << ")\n";
  }
  for (const char* baseline : {"BM_profiled_call_discarding_handler", "BM_profiled_call_serialising_handler"}) {
    const auto base = times.find(baseline);
    for (const char* name : {"BM_profiled_call_async_handler", "BM_profiled_call_async_handler_overloaded"}) {
      const auto async = times.find(name);
      if (base == times.end() || async == times.end()) continue;
      const auto& [a, d] = std::pair(async->second, base->second);
      std::cout << "caller-side cost per profiled call, " << name << " vs " << baseline << ": real " << a.real_ns
                << " ns vs " << d.real_ns << " ns (ratio " << a.real_ns / d.real_ns << "), CPU " << a.cpu_ns
                << " ns vs " << d.cpu_ns << " ns (ratio " << a.cpu_ns / d.cpu_ns << ")\n";
    }
  }
  benchmark::Shutdown();
}
