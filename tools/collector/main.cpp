// phanos-collector: RabbitMQ records in, Prometheus /metrics out (docs/collector.md).
// Threads: the broker consumer, the HTTP server's, and this one, which
// waits for SIGINT or SIGTERM and then stops the other two.

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>

#include "broker_consumer.hpp"
#include "ingest.hpp"
#include "metrics_server.hpp"
#include "options.hpp"
#include "state_file.hpp"

#ifndef PHANOS_VERSION
#error "PHANOS_VERSION must be defined by the build"
#endif

using namespace phanos::collector;
using phanos::prometheus::MetricsServer;
using phanos::prometheus::StoreLimits;

int main(int argc, char** argv) {
  const ParsedOptions parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc));
  switch (parsed.action) {
    case ParsedOptions::Action::help:
      std::cout << usage_text();
      return 0;
    case ParsedOptions::Action::version:
      std::cout << "phanos-collector (phanos " PHANOS_VERSION ")\n";
      return 0;
    case ParsedOptions::Action::error:
      std::cerr << "phanos-collector: " << parsed.error << "\n" << usage_text();
      return 2;
    case ParsedOptions::Action::run:
      break;
  }
  const CollectorOptions& options = parsed.options;
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e phanos-collector %l: %v");

  // Blocked before any thread starts, so every thread inherits the mask and
  // the signals reach only sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  BrokerStatus broker;
  StoreLimits limits;
  limits.max_series_per_metric = options.max_series;
  Ingest ingest(MetricStore(options.buckets, options.naming, limits), RecordLimits{}, broker, options.dedup_window);
  std::optional<StateFile> state_file;
  if (!options.state_file.empty()) {
    state_file.emplace(options.state_file, options.queue);
    if (const auto problem = state_file->load_into(ingest)) {
      spdlog::error("{}; delete it to start the counts from zero", *problem);
      return 1;
    }
    // Written now, so that a state file that cannot be written stops the
    // collector before it takes a message.
    if (!state_file->save(ingest)) {
      spdlog::error("stopping: the state file cannot be written");
      return 1;
    }
  }

  MetricsServer server([&ingest] { return ingest.render(); },
                       [&ingest](std::string_view query) { return ingest.tree(query); });
  server.every(std::chrono::seconds(1), [&ingest] { ingest.keep_tree_snapshots(); });
  std::string error;
  if (!server.bind(options.listen_host, options.listen_port, error)) {
    spdlog::error("{}", error);
    return 1;
  }
  std::thread http([&server] { server.serve(); });
  spdlog::info("serving http://{}:{}/metrics and the call tree at /", options.listen_host, options.listen_port);

  std::atomic<bool> stopping{false};
  BrokerConsumer consumer(
      {/*host, port: each node's=*/"", 0, options.user, options.password, options.vhost,
       /*heartbeat=*/0, options.exchange_name, options.exchange_type, options.tls},
      options.rabbit_nodes, options.queue, {options.quorum_queue, options.prefetch},
      [&ingest](const auto& delivery) { ingest.ingest(delivery.body, delivery.message_id); }, broker,
      state_file ? std::optional<BrokerConsumer::Checkpoints>(
                       {[&] { return state_file->save(ingest); }, options.checkpoint_interval})
                 : std::nullopt);
  std::thread amqp([&] { consumer.run(stopping); });

  int received = 0;
  sigwait(&stop_signals, &received);
  spdlog::info("stopping ({})", received == SIGINT ? "SIGINT" : "SIGTERM");
  stopping = true;
  server.stop();
  amqp.join();
  http.join();
  return 0;
}
