#include "ingest.hpp"

#include "exposition.hpp"
#include "prometheus_text.hpp"

namespace phanos::collector {
namespace {

using prometheus::all_reject_reasons;
using prometheus::append_number;

void write_own(std::string& out, const char* name, const char* type, const char* help, double value) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " ";
  append_number(out, value);
  out += '\n';
}

}  // namespace

Ingest::Ingest(MetricStore store, RecordLimits limits, const BrokerStatus& broker, std::size_t dedup_window)
    : store_(std::move(store)), limits_(limits), broker_(broker), received_(dedup_window) {}

void Ingest::ingest(std::string_view body, std::string_view message_id) {
  ParsedMessage parsed = parse_message(body, limits_);  // outside the lock: the costly part
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_.messages;
  if (!message_id.empty() && received_.seen_before(message_id)) {
    ++counts_.duplicates;
    return;
  }
  for (const Rejection& rejection : parsed.rejections) count_rejection(rejection);
  for (const IncomingRecord& record : parsed.records) {
    const MetricStore::Result result = store_.apply(record);
    switch (result.outcome) {
      case MetricStore::Outcome::applied:
        ++counts_.records;
        break;
      case MetricStore::Outcome::series_dropped:
        ++counts_.dropped_series;
        log_.warn("series cap of " + result.metric,
                  "dropped a record of " + result.metric + ": the metric has reached its maximum of series");
        break;
      case MetricStore::Outcome::rejected:
        count_rejection(result.rejection);
        break;
    }
  }
}

void Ingest::count_rejection(const Rejection& rejection) {
  ++counts_.rejected[rejection.reason];
  const char* reason = to_string(rejection.reason);
  log_.warn(reason, "rejected " + rejection.detail + " [" + reason + "]");
}

std::string Ingest::render() {
  std::string out;
  std::shared_ptr<const std::string> saved;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out.reserve(last_rendering_size_ + last_rendering_size_ / 8);
    if (!saved_checkpoint_) {
      write_exposition(out, store_);
      write_own_metrics(out, counts_, store_.series_count());
      last_rendering_size_ = out.size();
      return out;
    }
    saved = saved_checkpoint_;
  }
  std::lock_guard<std::mutex> lock(saved_rendering_mutex_);
  if (saved_rendering_.checkpoint != saved) {
    // Written by checkpoint(), whose output decode_checkpoint() reads back.
    auto state = std::get<CollectorState>(decode_checkpoint(*saved));
    SavedRendering rendering{saved, {}, std::move(state.counts), 0};
    write_exposition(rendering.exposition, state.families, state.bucket_bounds);
    for (const auto& [name, family] : state.families) rendering.series += family.series.size();
    saved_rendering_ = std::move(rendering);
  }
  out = saved_rendering_.exposition;
  write_own_metrics(out, saved_rendering_.counts, saved_rendering_.series);
  return out;
}

prometheus::HttpAnswer Ingest::tree(std::string_view query) {
  prometheus::TreeSelection selection;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    selection = tree_.select(query, store_, std::chrono::steady_clock::now());
  }
  return tree_answer(selection);  // the costly part, outside the lock
}

void Ingest::keep_tree_snapshots() {
  std::lock_guard<std::mutex> lock(mutex_);
  tree_.snapshot_if_due(store_, std::chrono::steady_clock::now());
}

std::string Ingest::checkpoint(std::string_view queue) {
  std::lock_guard<std::mutex> lock(mutex_);
  return encode_checkpoint({queue, store_.bucket_bounds(), store_.families(), counts_, received_});
}

void Ingest::checkpoint_saved(std::string checkpoint) {
  auto saved = std::make_shared<const std::string>(std::move(checkpoint));
  std::lock_guard<std::mutex> lock(mutex_);
  saved_checkpoint_ = std::move(saved);
}

std::optional<std::string> Ingest::restore(CollectorState state) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto problem = store_.restore(state.bucket_bounds, std::move(state.families))) return problem;
  counts_ = std::move(state.counts);
  for (const std::string& id : state.message_ids) received_.seen_before(id);
  return std::nullopt;
}

void Ingest::write_own_metrics(std::string& out, const CollectorCounts& counts, std::size_t series) const {
  write_own(out, "phanos_collector_messages_total", "counter", "Messages received from the broker.",
            static_cast<double>(counts.messages));
  write_own(out, "phanos_collector_duplicates_total", "counter",
            "Messages dropped because a message of the same message_id was received before.",
            static_cast<double>(counts.duplicates));
  write_own(out, "phanos_collector_records_total", "counter", "Records aggregated.",
            static_cast<double>(counts.records));
  out +=
      "# HELP phanos_collector_rejected_total Messages or records refused, by reason.\n"
      "# TYPE phanos_collector_rejected_total counter\n";
  for (const RejectReason reason : all_reject_reasons) {
    const auto count = counts.rejected.find(reason);
    out += std::string("phanos_collector_rejected_total{reason=\"") + to_string(reason) + "\"} ";
    append_number(out, count == counts.rejected.end() ? 0 : static_cast<double>(count->second));
    out += '\n';
  }
  write_own(out, "phanos_collector_dropped_series_total", "counter",
            "Records dropped because their metric had reached its maximum of series.",
            static_cast<double>(counts.dropped_series));
  write_own(out, "phanos_collector_series", "gauge", "Series held.", static_cast<double>(series));
  write_own(out, "phanos_collector_broker_connected", "gauge", "1 while connected to the broker.",
            broker_.connected ? 1 : 0);
  write_own(out, "phanos_collector_broker_connections_total", "counter",
            "Successful connections to the broker (reconnections + 1).", static_cast<double>(broker_.connections));
}

}  // namespace phanos::collector
