#pragma once
// phanos-collector's command line.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "broker_address.hpp"
#include "metric_naming.hpp"
#include "metric_store.hpp"
#include "tls_settings.hpp"
#include "wire_contract.hpp"

namespace phanos::collector {

struct CollectorOptions {
  // The nodes tried in order (--rabbit-hosts), or the one of --rabbit-host
  // and --rabbit-port.
  std::vector<detail::BrokerAddress> rabbit_nodes{{"127.0.0.1", 5672}};
  std::string user = "guest";
  std::string password = "guest";
  std::string vhost = "/";
  detail::TlsSettings tls;  // --ssl...
  std::string queue;
  bool quorum_queue = false;          // --queue-type quorum
  std::uint16_t prefetch = 256;       // messages delivered and not yet acknowledged, at most
  std::size_t dedup_window = 100000;  // message_ids remembered to drop repeats
  std::string state_file;             // --state-file: none when empty
  // How long an aggregated message waits for the checkpoint that lets it
  // be acknowledged, at most (docs/collector.md says why 200 ms).
  std::chrono::milliseconds checkpoint_interval{200};
  std::string exchange_name{wire::default_exchange_name};
  std::string exchange_type{wire::default_exchange_type};
  std::string listen_host;
  int listen_port = 0;
  std::vector<double> buckets = prometheus::default_bucket_bounds();
  std::size_t max_series = 10000;
  prometheus::MetricNaming naming;
};

struct ParsedOptions {
  enum class Action { run, help, version, error } action = Action::run;
  CollectorOptions options;
  std::string error;  // when action is error
};

// `args` without the program name.
ParsedOptions parse_options(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace phanos::collector
