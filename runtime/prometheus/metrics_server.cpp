#include "metrics_server.hpp"

#include <httplib.h>

#include <cerrno>
#include <cstring>

#include "exposition.hpp"

namespace phanos::collector {

MetricsServer::MetricsServer(std::function<std::string()> render_metrics)
    : server_(std::make_unique<httplib::Server>()) {
  server_->Get("/metrics", [render = std::move(render_metrics)](const httplib::Request&, httplib::Response& response) {
    response.set_content(render(), exposition_content_type);
  });
  server_->Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("phanos-collector: metrics at /metrics\n", "text/plain");
  });
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::bind(const std::string& host, int port, std::string& error) {
  if (server_->bind_to_port(host.c_str(), port)) return true;
  error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + std::strerror(errno);
  return false;
}

void MetricsServer::serve() { server_->listen_after_bind(); }

void MetricsServer::stop() { server_->stop(); }

}  // namespace phanos::collector
