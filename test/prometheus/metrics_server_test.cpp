// The HTTP server of the collector and PrometheusHandler, over loopback:
// what it answers, and the bounds that keep slow or hostile clients from
// holding /metrics up (metrics_server.hpp).

#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "metrics_server.hpp"

namespace phanos::prometheus {
namespace {

using test::ask;
using test::closed_by_server;
using test::connect_to;
using test::get;
using test::send_text;

// A server on 127.0.0.1 (a port the system picks) serving in a thread of
// its own while the test runs.
class RunningServer {
 public:
  explicit RunningServer(ServerLimits limits = {}, std::function<void()> every_millisecond = {})
      : server_([] { return std::string("metric_a 1\n"); },
                [](std::string_view query) {
                  return HttpAnswer{query == "job=a" ? 200 : 404, "application/json",
                                    "{\"query\":\"" + std::string(query) + "\"}"};
                },
                limits) {
    if (every_millisecond) server_.every(std::chrono::milliseconds(1), std::move(every_millisecond));
    std::string error;
    if (!server_.bind("127.0.0.1", 0, error)) throw std::runtime_error(error);
    thread_ = std::thread([this] { server_.serve(); });
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return server_.port(); }

 private:
  MetricsServer server_;
  std::thread thread_;
};

TEST(MetricsServer, AnswersMetricsInTheExpositionFormatAndClosesTheConnection) {
  RunningServer running;
  const std::string response = get(running.port(), "/metrics");
  EXPECT_EQ(response.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << response;
  EXPECT_NE(response.find("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(response.find("Content-Length: 11\r\n"), std::string::npos);
  EXPECT_NE(response.find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(response.substr(response.size() - 11), "metric_a 1\n");
}

TEST(MetricsServer, QueryStringsAreIgnoredAndTheRootShowsTheCallTreePage) {
  RunningServer running;
  EXPECT_NE(get(running.port(), "/metrics?x=1").find("\r\n\r\nmetric_a 1\n"), std::string::npos);
  const std::string page = get(running.port(), "/?job=a");
  EXPECT_EQ(page.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << page.substr(0, 200);
  EXPECT_NE(page.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(page.find("<title>phanos call tree</title>"), std::string::npos);
}

TEST(MetricsServer, TheTreeApiGetsTheQueryStringAndItsAnswerIsSentAsItIs) {
  RunningServer running;
  const std::string found = get(running.port(), "/api/tree?job=a");
  EXPECT_EQ(found.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << found;
  EXPECT_NE(found.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(found.find("\r\n\r\n{\"query\":\"job=a\"}"), std::string::npos) << found;
  EXPECT_EQ(get(running.port(), "/api/tree?job=b").rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
}

TEST(MetricsServer, OtherPathsMethodsAndBrokenRequestsGetTheirStatus) {
  RunningServer running;
  EXPECT_EQ(get(running.port(), "/other").rfind("HTTP/1.1 404 ", 0), 0u);
  EXPECT_EQ(ask(running.port(), "POST /metrics HTTP/1.1\r\n\r\n").rfind("HTTP/1.1 405 ", 0), 0u);
  EXPECT_EQ(ask(running.port(), "nonsense\r\n\r\n").rfind("HTTP/1.1 400 ", 0), 0u);
  const std::string head = ask(running.port(), "HEAD /metrics HTTP/1.1\r\n\r\n");
  EXPECT_EQ(head.rfind("HTTP/1.1 200 ", 0), 0u);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n") << "HEAD has no body";
}

TEST(MetricsServer, ARequestLongerThanTheLimitIsRefused) {
  ServerLimits limits;
  limits.max_request_bytes = 100;
  RunningServer running(limits);
  const std::string response =
      ask(running.port(), "GET /metrics HTTP/1.1\r\nX-Long: " + std::string(200, 'x') + "\r\n\r\n");
  EXPECT_EQ(response.rfind("HTTP/1.1 431 ", 0), 0u) << response;
}

TEST(MetricsServer, ARequestNotCompleteInTimeIsClosed) {
  ServerLimits limits;
  limits.request_time = std::chrono::milliseconds(50);
  RunningServer running(limits);
  const int slow = connect_to(running.port());
  send_text(slow, "GET /metrics HTTP/1.1\r\n");
  EXPECT_TRUE(closed_by_server(slow));
  close(slow);
}

TEST(MetricsServer, APeerBeyondItsConnectionsLosesItsOldestWaitingOne) {
  ServerLimits limits;
  limits.max_connections_per_peer = 4;
  RunningServer running(limits);
  std::vector<int> idle;
  for (int i = 0; i < 4; ++i) idle.push_back(connect_to(running.port()));
  // The fifth (and the request it sends) is served; the first idle one goes.
  EXPECT_NE(get(running.port(), "/metrics").find("metric_a 1"), std::string::npos);
  EXPECT_TRUE(closed_by_server(idle[0]));
  for (const int fd : idle) close(fd);
}

TEST(MetricsServer, SixtyFourClientsSendingHalfARequestDoNotHoldUpAScrape) {
  RunningServer running;  // the default limits
  std::vector<int> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(connect_to(running.port()));
    send_text(slow.back(), "GET /metrics HTTP/1.1\r\nHost: a");
  }
  // The scrape gives up after a second, before the two the slow ones may
  // take: its answer must come from the room the server makes for it.
  const int scrape = connect_to(running.port(), /*timeout_seconds=*/1);
  send_text(scrape, "GET /metrics HTTP/1.1\r\n\r\n");
  EXPECT_NE(test::read_all(scrape).find("metric_a 1"), std::string::npos);
  close(scrape);
  for (const int fd : slow) close(fd);
}

TEST(MetricsServer, APeriodicTaskRunsOnTheServersThread) {
  std::promise<std::thread::id> ran;
  bool set = false;
  RunningServer running({}, [&] {
    if (!std::exchange(set, true)) ran.set_value(std::this_thread::get_id());
  });
  EXPECT_NE(ran.get_future().get(), std::this_thread::get_id());
}

TEST(MetricsServer, APortInUseIsReportedWithTheAddress) {
  RunningServer running;
  MetricsServer second([] { return std::string(); }, [](std::string_view) { return HttpAnswer{}; });
  std::string error;
  EXPECT_FALSE(second.bind("127.0.0.1", running.port(), error));
  EXPECT_EQ(error, "cannot listen on 127.0.0.1:" + std::to_string(running.port()) + ": Address already in use");
}

}  // namespace
}  // namespace phanos::prometheus
