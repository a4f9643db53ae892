#pragma once
// phanos-collector's command line.

#include <cstddef>
#include <string>
#include <vector>

#include "metric_naming.hpp"
#include "metric_store.hpp"
#include "wire_contract.hpp"

namespace phanos::collector {

struct CollectorOptions {
  std::string rabbit_host = "127.0.0.1";
  int rabbit_port = 5672;
  std::string user = "guest";
  std::string password = "guest";
  std::string vhost = "/";
  std::string queue;
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
