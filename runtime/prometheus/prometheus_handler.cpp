#include "phanos/prometheus/prometheus_handler.hpp"

#include <cmath>
#include <stdexcept>
#include <thread>

#include "call_tree_api.hpp"
#include "exposition.hpp"
#include "forks.hpp"
#include "listen_address.hpp"
#include "log.hpp"
#include "metric_store.hpp"
#include "metrics_server.hpp"
#include "prometheus_text.hpp"
#include "record_conversion.hpp"
#include "record_inbox.hpp"

namespace phanos {
namespace {

using namespace phanos::prometheus;

// Aggregating every 100 ms, 100,000 waiting records allow a million
// records a second, and bound the inbox to some tens of MB (a record with
// its strings is a few hundred bytes) should the server thread stall.
constexpr std::chrono::milliseconds aggregation_interval{100};
constexpr std::size_t inbox_capacity = 100000;

MetricStore make_store(const std::string& handler_name, const PrometheusHandlerOptions& options) {
  const auto fail = [&](const std::string& problem) {
    throw std::invalid_argument("PrometheusHandler '" + detail::escaped_for_log(handler_name) + "': " + problem);
  };
  std::vector<double> bounds = options.buckets.empty() ? default_bucket_bounds() : options.buckets;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1]))
      fail("buckets: expected increasing finite numbers, got " + format_number(bounds[i]) + " at index " +
           std::to_string(i));
  }
  if (options.max_series == 0) fail("max_series: expected at least 1");
  MetricNaming naming;
  for (const auto& [type_and_units, name] : options.metric_names) {
    std::string error;
    if (!naming.add_rule(type_and_units, name, error)) fail("metric_names: " + error);
  }
  StoreLimits limits;
  limits.max_series_per_metric = options.max_series;
  return MetricStore(std::move(bounds), std::move(naming), limits);
}

ListenAddress listen_address(const std::string& handler_name, const std::string& text) {
  ListenAddress address;
  std::string error;
  if (!parse_listen_address(text, address, error))
    throw std::invalid_argument("PrometheusHandler '" + detail::escaped_for_log(handler_name) + "': listen: " + error);
  return address;
}

void write_counter(std::string& out, const char* name, const char* help, const char* reason, std::uint64_t value) {
  if (help) out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n";
  out += std::string(name) + "{reason=\"" + reason + "\"} ";
  append_number(out, static_cast<double>(value));
  out += '\n';
}

}  // namespace

// The server thread and what only it touches: the store and its counts.
class PrometheusHandler::Server {
 public:
  Server(const std::string& handler_name, const PrometheusHandlerOptions& options)
      : store_(make_store(handler_name, options)),
        http_([this] { return render(); }, [this](std::string_view query) { return tree(query); }) {
    const ListenAddress address = listen_address(handler_name, options.listen);
    std::string error;
    if (!http_.bind(address.host, address.port, error)) {
      detail::log_error("PrometheusHandler '" + detail::escaped_for_log(handler_name) + "': " + error +
                        "; its records are dropped, the program runs on");
      return;
    }
    http_.every(aggregation_interval, [this] { aggregate(); });
    thread_ = std::make_unique<std::thread>([this] { http_.serve(); });
  }

  ~Server() {
    if (!thread_) return;
    if (!in_creating_process()) {
      // The thread is the parent's: joining or detaching it here would fail.
      static_cast<void>(thread_.release());
      return;
    }
    http_.stop();
    thread_->join();
  }

  // In a child of fork() the server thread is not there (forks.hpp): the
  // child's copy of the handler drops what it is given.
  bool serving() const noexcept { return thread_ && in_creating_process(); }
  int port() const noexcept { return serving() ? http_.port() : 0; }
  RecordInbox& inbox() noexcept { return inbox_; }

 private:
  bool in_creating_process() const noexcept { return detail::forks_of_this_process() == forks_when_created_; }

  void aggregate() {
    tree_.snapshot_if_due(store_, std::chrono::steady_clock::now());
    for (const RecordInbox::Batch& batch : inbox_.take()) {
      for (const Record& record : batch) {
        const std::optional<IncomingRecord> incoming = to_incoming_record(record);
        if (!incoming) {
          ++rejected_;
          continue;
        }
        switch (store_.apply(*incoming).outcome) {
          case MetricStore::Outcome::applied:
            break;
          case MetricStore::Outcome::series_dropped:
            ++series_dropped_;
            break;
          case MetricStore::Outcome::rejected:
            ++rejected_;
            break;
        }
      }
    }
  }

  std::string render() {
    aggregate();
    std::string out;
    write_exposition(out, store_);
    constexpr const char* name = "phanos_prometheus_dropped_records_total";
    write_counter(out, name, "Records not aggregated, by reason.", "inbox_full", inbox_.dropped());
    write_counter(out, name, nullptr, "series_cap", series_dropped_);
    write_counter(out, name, nullptr, "rejected", rejected_);
    return out;
  }

  HttpAnswer tree(std::string_view query) {
    aggregate();
    return tree_.answer(query, store_, std::chrono::steady_clock::now());
  }

  RecordInbox inbox_{inbox_capacity};
  MetricStore store_;
  CallTreeApi tree_{std::chrono::steady_clock::now()};
  std::uint64_t series_dropped_ = 0;
  std::uint64_t rejected_ = 0;
  MetricsServer http_;
  const std::uint64_t forks_when_created_ = detail::forks_of_this_process();
  std::unique_ptr<std::thread> thread_;
};

PrometheusHandler::PrometheusHandler(std::string handler_name, PrometheusHandlerOptions options)
    : Handler(std::move(handler_name)), server_(std::make_unique<Server>(this->handler_name(), options)) {}

PrometheusHandler::~PrometheusHandler() = default;

void PrometheusHandler::handle(const std::vector<Record>& records, std::string_view) {
  if (server_->serving()) server_->inbox().add(records);
}

int PrometheusHandler::port() const noexcept { return server_->port(); }

}  // namespace phanos
