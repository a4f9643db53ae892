#pragma once
// phanos::prometheus: the program serves its own profile to Prometheus.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "phanos/handler.hpp"

namespace phanos {

struct PrometheusHandlerOptions {
  // Where to serve /metrics: "HOST:PORT", "[IPv6]:PORT" or ":PORT" (every
  // interface).
  std::string listen = ":9464";
  // The histograms' bucket bounds, increasing; empty: phanos-collector's
  // default (0.1 ms to 10 s).
  std::vector<double> buckets;
  // Series per metric at most; records that would add more are dropped and
  // counted.
  std::size_t max_series = 10000;
  // {"TYPE:UNITS", "name"}: the Prometheus name of the metrics of that type
  // and units, as phanos-collector's --metric-name TYPE:UNITS=NAME.
  std::vector<std::pair<std::string, std::string>> metric_names;
};

// Aggregates the records as phanos-collector does (same metric names,
// labels and mapping) and serves them on http://<listen>/metrics from a
// thread of its own. A profiled thread only appends its records to a
// bounded inbox under a lock that the server thread holds just long enough
// to take them; the server aggregates them every 100 ms and before each
// scrape, so a scrape never makes a profiled call wait. Records that find
// the inbox full (the server fell 100,000 records behind) are dropped and
// counted in phanos_prometheus_dropped_records_total.
//
// A listen address that cannot be bound is logged once; the handler then
// drops what it is given and the program runs on. So does its copy in a
// child of fork(), where its thread is not.
class PrometheusHandler : public Handler {
 public:
  // Throws std::invalid_argument naming the option at fault.
  PrometheusHandler(std::string handler_name, PrometheusHandlerOptions options = {});
  ~PrometheusHandler() override;
  void handle(const std::vector<Record>& records, std::string_view profiler_name) override;

  // The port /metrics is served on (the one chosen when ":0" was asked),
  // 0 when the address could not be bound (or in a child of fork()).
  int port() const noexcept;

 private:
  class Server;
  std::unique_ptr<Server> server_;
};

}  // namespace phanos
