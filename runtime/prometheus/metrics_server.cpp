#include "metrics_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <list>
#include <vector>

#include "call_tree_page.hpp"
#include "exposition.hpp"
#include "listen_socket.hpp"

namespace phanos::prometheus {
namespace {

using Clock = std::chrono::steady_clock;

// The peer's address without its port: the unit of max_connections_per_peer.
std::string peer_of(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "?";
  if (address.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&address)->sin6_addr, text, sizeof text);
  } else if (address.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&address)->sin_addr, text, sizeof text);
  }
  return text;
}

struct Connection {
  int fd = -1;
  std::string peer;
  Clock::time_point deadline;
  bool responding = false;  // the request was read; `out` is being sent
  std::string in;
  std::string out;
  std::size_t sent = 0;
};

}  // namespace

class MetricsServer::Loop {
 public:
  Loop(std::function<std::string()> render, std::function<HttpAnswer(std::string_view)> tree_api, ServerLimits limits)
      : render_(std::move(render)), tree_api_(std::move(tree_api)), limits_(limits) {
    if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) wake_[0] = wake_[1] = -1;
  }

  ~Loop() {
    for (Connection& connection : connections_) ::close(connection.fd);
    for (const int fd : {listener_, wake_[0], wake_[1]}) {
      if (fd >= 0) ::close(fd);
    }
  }

  bool bind(const std::string& host, int port, std::string& error) {
    listener_ = listen_on(host, port, error);
    return listener_ >= 0;
  }

  int port() const { return listener_ < 0 ? 0 : bound_port(listener_); }

  void every(std::chrono::milliseconds interval, std::function<void()> task) {
    task_interval_ = interval;
    task_ = std::move(task);
  }

  void serve() {
    Clock::time_point next_task = Clock::now();
    while (!stopping_.load(std::memory_order_acquire)) {
      if (task_ && Clock::now() >= next_task) {
        task_();
        next_task = Clock::now() + task_interval_;
      }
      std::vector<pollfd> polled{{wake_[0], POLLIN, 0}, {listener_, POLLIN, 0}};
      for (const Connection& connection : connections_)
        polled.push_back({connection.fd, static_cast<short>(connection.responding ? POLLOUT : POLLIN), 0});
      ::poll(polled.data(), polled.size(), wait_milliseconds(next_task));
      if (polled[0].revents) drain_wake_pipe();
      if (polled[1].revents & POLLIN) accept_all();
      auto connection = connections_.begin();
      for (std::size_t i = 2; i < polled.size(); ++i) {
        // accept_all() may have closed some of the polled ones: match by fd.
        while (connection != connections_.end() && connection->fd != polled[i].fd) ++connection;
        if (connection == connections_.end()) break;
        if (polled[i].revents) advance(*connection);
        ++connection;
      }
      close_finished_and_late();
    }
  }

  void stop() {
    stopping_.store(true, std::memory_order_release);
    const char byte = 0;
    if (wake_[1] >= 0 && ::write(wake_[1], &byte, 1) < 0) {
      // The pipe is full: a wake-up is pending already.
    }
  }

 private:
  int wait_milliseconds(Clock::time_point next_task) const {
    Clock::time_point until = task_ ? next_task : Clock::now() + std::chrono::seconds(1);
    for (const Connection& connection : connections_) until = std::min(until, connection.deadline);
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    return static_cast<int>(std::clamp<std::int64_t>(wait + 1, 0, 1000));
  }

  void drain_wake_pipe() {
    char bytes[64];
    while (::read(wake_[0], bytes, sizeof bytes) > 0) {
    }
  }

  void accept_all() {
    for (;;) {
      sockaddr_storage address{};
      socklen_t length = sizeof address;
      const int fd = accept4(listener_, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // none left (or out of descriptors: the next poll tries again)
      std::string peer = peer_of(address);
      make_room_for(peer);
      Connection& connection = connections_.emplace_back();
      connection.fd = fd;
      connection.peer = std::move(peer);
      connection.deadline = Clock::now() + limits_.request_time;
    }
  }

  // Closes the oldest connection still waiting for its request, of `peer`
  // when it holds its maximum, else of anyone when all do.
  void make_room_for(const std::string& peer) {
    const auto of_peer = [&](const Connection& c) { return c.peer == peer; };
    if (static_cast<std::size_t>(std::count_if(connections_.begin(), connections_.end(), of_peer)) >=
        limits_.max_connections_per_peer) {
      close_oldest([&](const Connection& c) { return of_peer(c); });
    }
    if (connections_.size() >= limits_.max_connections) close_oldest([](const Connection&) { return true; });
  }

  template <class Which>
  void close_oldest(const Which& which) {
    // Waiting ones first: a connection being answered has proved itself.
    auto victim = std::find_if(connections_.begin(), connections_.end(),
                               [&](const Connection& c) { return which(c) && !c.responding; });
    if (victim == connections_.end()) victim = std::find_if(connections_.begin(), connections_.end(), which);
    if (victim == connections_.end()) return;
    ::close(victim->fd);
    connections_.erase(victim);
  }

  void advance(Connection& connection) {
    if (connection.responding) {
      send_some(connection);
    } else {
      receive_some(connection);
    }
  }

  void receive_some(Connection& connection) {
    char buffer[4096];
    const ssize_t received = ::recv(connection.fd, buffer, sizeof buffer, 0);
    if (received == 0 || (received < 0 && errno != EAGAIN && errno != EINTR)) {
      connection.deadline = Clock::time_point::min();  // gone: closed below
      return;
    }
    if (received < 0) return;
    connection.in.append(buffer, static_cast<std::size_t>(received));
    if (connection.in.size() > limits_.max_request_bytes) {
      start_response(connection, http_response(431, "text/plain", "request too long\n"));
      return;
    }
    HttpRequest request;
    const HeadState state = parse_request_head(connection.in, request);
    if (state == HeadState::complete) {
      respond(connection, request);
    } else if (state == HeadState::malformed) {
      start_response(connection, http_response(400, "text/plain", "malformed request\n"));
    }
  }

  void respond(Connection& connection, const HttpRequest& request) {
    const bool head = request.method == "HEAD";
    if (request.method != "GET" && !head) {
      start_response(connection, http_response(405, "text/plain", "only GET\n"));
    } else if (request.path == "/metrics") {
      start_response(connection, http_response(200, exposition_content_type, render_(), !head));
    } else if (request.path == "/") {
      start_response(connection, http_response(200, "text/html; charset=utf-8", call_tree_page(), !head));
    } else if (request.path == "/api/tree") {
      const HttpAnswer answer = tree_api_(request.query);
      start_response(connection, http_response(answer.status, answer.content_type, answer.body, !head));
    } else {
      start_response(connection, http_response(404, "text/plain",
                                               "not found: metrics are at /metrics, the call tree at /\n", !head));
    }
  }

  void start_response(Connection& connection, std::string response) {
    connection.responding = true;
    connection.out = std::move(response);
    connection.in.clear();
    connection.deadline = Clock::now() + limits_.response_time;
    send_some(connection);
  }

  void send_some(Connection& connection) {
    const ssize_t sent = ::send(connection.fd, connection.out.data() + connection.sent,
                                connection.out.size() - connection.sent, MSG_NOSIGNAL);
    if (sent < 0 && errno != EAGAIN && errno != EINTR) {
      connection.deadline = Clock::time_point::min();
    } else if (sent > 0) {
      connection.sent += static_cast<std::size_t>(sent);
    }
  }

  void close_finished_and_late() {
    const Clock::time_point now = Clock::now();
    connections_.remove_if([&](const Connection& connection) {
      const bool finished = connection.responding && connection.sent == connection.out.size();
      if (!finished && connection.deadline > now) return false;
      if (finished) ::shutdown(connection.fd, SHUT_WR);
      ::close(connection.fd);
      return true;
    });
  }

  std::function<std::string()> render_;
  std::function<HttpAnswer(std::string_view)> tree_api_;
  ServerLimits limits_;
  int listener_ = -1;
  int wake_[2] = {-1, -1};
  std::atomic<bool> stopping_{false};
  std::list<Connection> connections_;  // oldest first
  std::chrono::milliseconds task_interval_{0};
  std::function<void()> task_;
};

MetricsServer::MetricsServer(std::function<std::string()> render_metrics,
                             std::function<HttpAnswer(std::string_view query)> tree_api, ServerLimits limits)
    : loop_(std::make_unique<Loop>(std::move(render_metrics), std::move(tree_api), limits)) {}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::bind(const std::string& host, int port, std::string& error) {
  return loop_->bind(host, port, error);
}

int MetricsServer::port() const { return loop_->port(); }

void MetricsServer::every(std::chrono::milliseconds interval, std::function<void()> task) {
  loop_->every(interval, std::move(task));
}

void MetricsServer::serve() { loop_->serve(); }

void MetricsServer::stop() { loop_->stop(); }

}  // namespace phanos::prometheus
