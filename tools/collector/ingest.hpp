#pragma once
// Where messages meet the store: the AMQP thread hands each message body to
// ingest(), the HTTP thread calls render() for /metrics, tree() for
// /api/tree and, every second, keep_tree_snapshots(). One mutex guards them
// all, held for one message or one answer at a time (for /api/tree only
// while the timings it needs are copied out; for /metrics with a state
// file only to take the last checkpoint saved).
//
// render() also writes the collector's own metrics:
//   phanos_collector_messages_total            messages received
//   phanos_collector_duplicates_total          messages dropped as received before (--dedup-window)
//   phanos_collector_records_total             records aggregated
//   phanos_collector_rejected_total{reason}    messages or records refused (see rejection.hpp)
//   phanos_collector_dropped_series_total      records dropped by the series cap
//   phanos_collector_series                    series held
//   phanos_collector_broker_connected          1 while connected to the broker
//   phanos_collector_broker_connections_total  successful connections (reconnects + 1)

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "broker_status.hpp"
#include "call_tree_api.hpp"
#include "checkpoint.hpp"
#include "collector_counts.hpp"
#include "duplicate_window.hpp"
#include "metric_store.hpp"
#include "rate_limited_log.hpp"
#include "record_parser.hpp"

namespace phanos::collector {

using prometheus::MetricStore;

class Ingest {
 public:
  // `dedup_window`: how many message_ids are remembered (DuplicateWindow).
  Ingest(MetricStore store, RecordLimits limits, const BrokerStatus& broker, std::size_t dedup_window = 0);

  // A message without an id (`message_id` empty) is never a duplicate.
  void ingest(std::string_view body, std::string_view message_id = {});
  std::string render();
  prometheus::HttpAnswer tree(std::string_view query);
  void keep_tree_snapshots();

  // The state file's contents (checkpoint.hpp): what every message ingested
  // so far made of the counts, for the counts of `queue`.
  std::string checkpoint(std::string_view queue);
  // Goes on from `state` (read from the state file): the store, the own
  // counters and the message_ids remembered (the newest, when the window
  // is smaller now). Or says why `state` does not fit the store
  // (MetricStore::restore), and holds what it held.
  std::optional<std::string> restore(CollectorState state);
  // `checkpoint` (made by checkpoint()) is on the disk. From now on
  // render() shows what it holds rather than the counts in memory, so that
  // a collector killed and started again never shows less than it showed
  // before: Prometheus takes a counter that went down for one that was
  // reset, and would count all of it again.
  void checkpoint_saved(std::string checkpoint);

 private:
  void count_rejection(const Rejection& rejection);  // and logs it
  void write_own_metrics(std::string& out, const CollectorCounts& counts, std::size_t series) const;

  std::mutex mutex_;
  MetricStore store_;
  prometheus::CallTreeApi tree_{std::chrono::steady_clock::now()};
  RecordLimits limits_;
  const BrokerStatus& broker_;
  RateLimitedLog log_;
  DuplicateWindow received_;
  CollectorCounts counts_;
  std::shared_ptr<const std::string> saved_checkpoint_;  // what render() shows, when set
  std::size_t last_rendering_size_ = 4096;

  // The saved checkpoint as render() shows it, decoded once per checkpoint
  // rather than once per scrape (a checkpoint holds every series and up to
  // --dedup-window message ids). The broker's state stays live.
  struct SavedRendering {
    std::shared_ptr<const std::string> checkpoint;
    std::string exposition;
    CollectorCounts counts;
    std::size_t series = 0;
  };
  std::mutex saved_rendering_mutex_;
  SavedRendering saved_rendering_;
};

}  // namespace phanos::collector
