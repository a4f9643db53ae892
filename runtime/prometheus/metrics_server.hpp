#pragma once
// The HTTP side of phanos-collector and PrometheusHandler: GET /metrics, the
// call-tree page at / and its data at /api/tree, one response per connection, served by one thread that
// polls every connection, so that no client can hold the server up.
//
// The README tells users to listen on 0.0.0.0, so anyone who can reach the
// port is a client. A thread per connection (cpp-httplib's pool, which the
// collector used before) let 16 clients that send half a request header
// keep /metrics from Prometheus past its scrape timeout. Here:
//   - a request must arrive whole within ServerLimits::request_time of its
//     connection being accepted, and be at most max_request_bytes long;
//   - a response must be taken by the client within response_time;
//   - a peer (an IP address) holds at most max_connections_per_peer
//     connections and everyone together max_connections: a connection
//     beyond them closes the peer's (or everyone's) oldest one still
//     waiting for its request, so newcomers that ask at once, such as
//     Prometheus, are served even while slow clients fill the slots.
// Renderings run on the server's thread, one at a time.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http_message.hpp"

namespace phanos::prometheus {

struct ServerLimits {
  std::chrono::milliseconds request_time{2000};
  std::chrono::milliseconds response_time{10000};
  std::size_t max_request_bytes = 8192;
  std::size_t max_connections = 256;
  std::size_t max_connections_per_peer = 16;
};

class MetricsServer {
 public:
  // `render_metrics` answers GET /metrics; `tree_api` GET /api/tree, given
  // the query string (call_tree_api.hpp).
  MetricsServer(std::function<std::string()> render_metrics, std::function<HttpAnswer(std::string_view query)> tree_api,
                ServerLimits limits = {});
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // Binds HOST:PORT (port 0: one the system picks); false, with the reason
  // in `error`, when it cannot.
  bool bind(const std::string& host, int port, std::string& error);
  int port() const;  // the bound port

  // Before serve(): `task` runs on the server's thread at least every
  // `interval` while serve() runs (e.g. to aggregate what other threads
  // handed over).
  void every(std::chrono::milliseconds interval, std::function<void()> task);

  void serve();  // until stop(); needs a successful bind()
  void stop();   // from any thread

 private:
  class Loop;
  std::unique_ptr<Loop> loop_;
};

}  // namespace phanos::prometheus
