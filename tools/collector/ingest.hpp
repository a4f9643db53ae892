#pragma once
// Where messages meet the store: the AMQP thread hands each message body to
// ingest(), HTTP threads call render() for /metrics. One mutex guards both,
// held for one message or one rendering at a time.
//
// render() also writes the collector's own metrics:
//   phanos_collector_messages_total            messages received
//   phanos_collector_records_total             records aggregated
//   phanos_collector_rejected_total{reason}    messages or records refused (see rejection.hpp)
//   phanos_collector_dropped_series_total      records dropped by the series cap
//   phanos_collector_series                    series held
//   phanos_collector_broker_connected          1 while connected to the broker
//   phanos_collector_broker_connections_total  successful connections (reconnects + 1)

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "broker_status.hpp"
#include "metric_store.hpp"
#include "rate_limited_log.hpp"
#include "record_parser.hpp"

namespace phanos::collector {

using prometheus::MetricStore;

class Ingest {
 public:
  Ingest(MetricStore store, RecordLimits limits, const BrokerStatus& broker);

  void ingest(std::string_view body);
  std::string render();

 private:
  void count_rejection(const Rejection& rejection);  // and logs it
  void write_own_metrics(std::string& out) const;

  std::mutex mutex_;
  MetricStore store_;
  RecordLimits limits_;
  const BrokerStatus& broker_;
  RateLimitedLog log_;
  std::uint64_t messages_ = 0;
  std::uint64_t records_ = 0;
  std::uint64_t dropped_series_ = 0;
  std::map<RejectReason, std::uint64_t> rejected_;
  std::size_t last_rendering_size_ = 4096;
};

}  // namespace phanos::collector
