// phanos-collector's ingest throughput without a broker: message bodies as
// the RabbitMQ handlers write them (phanos::to_json) parsed and aggregated
// by Ingest, the path every consumed message takes; and the cost of
// rendering /metrics and answering /api/tree. The drain through a real broker is measured by the
// test collector.faults.load (see README.md).

#include <benchmark/benchmark.h>
#include <phanos/phanos.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "ingest.hpp"
#include "options.hpp"

namespace {

using namespace phanos::collector;
using namespace phanos::prometheus;

// A time_profiler message of `count` records over `methods` methods, one in
// ten with error_raised true, as a flush of a busy service looks.
std::string message(int count, int methods, int offset = 0) {
  std::vector<phanos::Record> records;
  for (int i = 0; i < count; ++i) {
    phanos::Record record;
    record.item = "Service";
    record.metric = "histogram";
    record.units = "mS";
    record.job = "bench";
    record.method = "Service:handle.step" + std::to_string((i + offset) % methods);
    record.labels = {{"error_raised", i % 10 == 0 ? "true" : "false"}};
    record.operation = "observe";
    record.value = (i % 50) / 10.0;
    records.push_back(record);
  }
  return phanos::to_json(records);
}

Ingest make_ingest(const BrokerStatus& broker) {
  return Ingest(MetricStore(default_bucket_bounds(), MetricNaming{}), RecordLimits{}, broker);
}

void BM_collector_parse(benchmark::State& state) {
  const int records = static_cast<int>(state.range(0));
  const std::string body = message(records, 100);
  for (auto _ : state) benchmark::DoNotOptimize(parse_message(body));
  state.SetItemsProcessed(state.iterations() * records);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(body.size()));
}
BENCHMARK(BM_collector_parse)->Arg(3)->Arg(50);

// parse + aggregate: the records/s one collector thread ingests.
void BM_collector_ingest(benchmark::State& state) {
  const int records = static_cast<int>(state.range(0));
  std::vector<std::string> bodies;
  for (int i = 0; i < 20; ++i) bodies.push_back(message(records, 100, i));
  BrokerStatus broker;
  Ingest ingest = make_ingest(broker);
  std::size_t next = 0;
  for (auto _ : state) ingest.ingest(bodies[next++ % bodies.size()]);
  state.SetItemsProcessed(state.iterations() * records);
}
BENCHMARK(BM_collector_ingest)->Arg(3)->Arg(50);

// One /metrics rendering with `series` time_profiler series (each 16 buckets,
// +Inf, sum and count: 19 lines).
void BM_collector_render(benchmark::State& state) {
  const int series = static_cast<int>(state.range(0));
  BrokerStatus broker;
  Ingest ingest = make_ingest(broker);
  ingest.ingest(message(series, series));  // one record per method: `series` series
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = ingest.render();
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_collector_render)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

// The same with --state-file, where /metrics shows the last checkpoint saved
// (here one with every series and 10,000 message ids) instead of the counts
// in memory.
void BM_collector_render_saved_checkpoint(benchmark::State& state) {
  const int series = static_cast<int>(state.range(0));
  BrokerStatus broker;
  Ingest ingest = make_ingest(broker);
  ingest.ingest(message(series, series));
  for (int i = 0; i < 10000; ++i) ingest.ingest(message(1, series), "message-" + std::to_string(i));
  ingest.checkpoint_saved(ingest.checkpoint("bench"));
  for (auto _ : state) benchmark::DoNotOptimize(ingest.render());
}
BENCHMARK(BM_collector_render_saved_checkpoint)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

// One /api/tree answer (what a page load or refresh asks) with `series`
// time_profiler series: under the lock ingestion takes, as a rendering.
void BM_collector_tree(benchmark::State& state) {
  const int series = static_cast<int>(state.range(0));
  BrokerStatus broker;
  Ingest ingest = make_ingest(broker);
  ingest.ingest(message(series, series));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const HttpAnswer answer = ingest.tree("job=bench");
    bytes = answer.body.size();
    benchmark::DoNotOptimize(answer.body.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_collector_tree)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

// BM_collector_ingest/50 in real time, /1 while another thread asks
// /api/tree (100 methods) every millisecond: a thousand page refreshes a
// second, where a page refreshes every 10 s; /0, without it, is the baseline.
void BM_collector_ingest_while_serving_tree(benchmark::State& state) {
  const bool serving = state.range(0) == 1;
  std::vector<std::string> bodies;
  for (int i = 0; i < 20; ++i) bodies.push_back(message(50, 100, i));
  BrokerStatus broker;
  Ingest ingest = make_ingest(broker);
  ingest.ingest(bodies[0]);
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> answers{0};
  std::thread page([&] {
    while (serving && !done.load()) {
      benchmark::DoNotOptimize(ingest.tree("job=bench").body.data());
      ++answers;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  std::size_t next = 0;
  for (auto _ : state) ingest.ingest(bodies[next++ % bodies.size()]);
  done = true;
  page.join();
  state.SetItemsProcessed(state.iterations() * 50);
  state.counters["tree_answers"] = static_cast<double>(answers.load());
}
BENCHMARK(BM_collector_ingest_while_serving_tree)->Arg(0)->Arg(1)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
