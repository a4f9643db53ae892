#pragma once
// The HTTP side: GET /metrics (and / pointing to it) on cpp-httplib, whose
// thread pool serves scrapes while records keep arriving.

#include <functional>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace phanos::collector {

class MetricsServer {
 public:
  explicit MetricsServer(std::function<std::string()> render_metrics);
  ~MetricsServer();

  // Binds HOST:PORT; false, with the reason in `error`, when it cannot.
  bool bind(const std::string& host, int port, std::string& error);
  void serve();  // until stop()
  void stop();

 private:
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace phanos::collector
