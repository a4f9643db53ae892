// PrometheusHandler: records handed to it come out of its own /metrics,
// exactly as phanos-collector would show the same records received from
// RabbitMQ; bad options and a port in use.

#include <gtest/gtest.h>
#include <phanos/format.hpp>
#include <phanos/prometheus.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "http_client.hpp"
#include "ingest.hpp"

namespace phanos {
namespace {

Record time_record(const std::string& method, double milliseconds, bool error_raised) {
  return {"Service", "histogram", "mS", "app", method, {{"error_raised", error_raised ? "true" : "false"}},
          "observe", milliseconds};
}

// A little of every type, as the runtime's metrics make them.
std::vector<Record> sample_records() {
  return {time_record("Service:handle", 0.3, false),
          time_record("Service:handle", 12, true),
          time_record("Service:handle.child", 0.05, false),
          {"Service", "counter", "calls", "app", "Service:handle", {{"path", "/a"}}, "inc", 2.0},
          {"Service", "gauge", "items", "app", "Service:report", {{"queue", "jobs"}}, "set", 7.5},
          {"Service", "enum", "enum", "app", "Service:report", {}, "state", std::string("busy")},
          {"Service", "info", "info", "app", "Service:report", {}, "info", Labels{{"version", "1.2"}}}};
}

PrometheusHandlerOptions on_any_port() {
  PrometheusHandlerOptions options;
  options.listen = "127.0.0.1:0";
  return options;
}

std::string body_of(const std::string& response) {
  const auto end_of_head = response.find("\r\n\r\n");
  return end_of_head == std::string::npos ? "" : response.substr(end_of_head + 4);
}

// The lines of the metrics of the records, without the collector's or the
// handler's counts of themselves.
std::string profile_lines(const std::string& exposition) {
  std::string kept;
  std::size_t start = 0;
  while (start < exposition.size()) {
    const std::size_t end = exposition.find('\n', start);
    const std::string line = exposition.substr(start, end - start);
    if (line.find("phanos_collector_") == std::string::npos && line.find("phanos_prometheus_") == std::string::npos)
      kept += line + "\n";
    start = end == std::string::npos ? exposition.size() : end + 1;
  }
  return kept;
}

TEST(PrometheusHandler, ServesTheRecordsItWasHanded) {
  PrometheusHandler handler("prom", on_any_port());
  ASSERT_NE(handler.port(), 0);
  handler.handle(sample_records(), "time_profiler");
  handler.handle({time_record("Service:handle", 0.4, false)}, "time_profiler");
  const std::string text = body_of(prometheus::test::get(handler.port(), "/metrics"));
  EXPECT_NE(text.find("time_profiler_count{job=\"app\",item=\"Service\",method=\"Service:handle\","
                      "error_raised=\"false\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("time_profiler_bucket{job=\"app\",item=\"Service\",method=\"Service:handle\","
                      "error_raised=\"true\",le=\"25\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("phanos_items{job=\"app\",item=\"Service\",method=\"Service:report\",queue=\"jobs\"} 7.5\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("phanos_prometheus_dropped_records_total{reason=\"inbox_full\"} 0\n"), std::string::npos);
}

TEST(PrometheusHandler, ShowsWhatTheCollectorShowsForTheSameRecords) {
  PrometheusHandlerOptions options = on_any_port();
  options.buckets = {1, 10};
  options.metric_names = {{"counter:calls", "requests"}};
  PrometheusHandler handler("prom", options);
  handler.handle(sample_records(), "time_profiler");

  collector::BrokerStatus broker;
  prometheus::MetricNaming naming;
  std::string error;
  ASSERT_TRUE(naming.add_rule("counter:calls=requests", error)) << error;
  collector::Ingest ingest(prometheus::MetricStore({1, 10}, naming), collector::RecordLimits{}, broker);
  ingest.ingest(to_json(sample_records()));

  const std::string served = profile_lines(body_of(prometheus::test::get(handler.port(), "/metrics")));
  EXPECT_EQ(served, profile_lines(ingest.render()));
  EXPECT_NE(served.find("# TYPE requests_total counter\n"), std::string::npos) << served;
}

TEST(PrometheusHandler, BadOptionsAreRefusedNamingTheOption) {
  const auto problem = [](PrometheusHandlerOptions options) -> std::string {
    try {
      PrometheusHandler handler("prom", std::move(options));
    } catch (const std::invalid_argument& error) {
      return error.what();
    }
    return "accepted";
  };
  PrometheusHandlerOptions options = on_any_port();
  options.listen = "nowhere";
  EXPECT_EQ(problem(options),
            "PrometheusHandler 'prom': listen: expected HOST:PORT or :PORT (port 0 to 65535), got \"nowhere\"");
  options = on_any_port();
  options.buckets = {1, 1};
  EXPECT_EQ(problem(options),
            "PrometheusHandler 'prom': buckets: expected increasing finite numbers, got 1 at index 1");
  options = on_any_port();
  options.max_series = 0;
  EXPECT_EQ(problem(options), "PrometheusHandler 'prom': max_series: expected at least 1");
  options = on_any_port();
  options.metric_names = {{"meter:x", "y"}};
  EXPECT_EQ(problem(options),
            "PrometheusHandler 'prom': metric_names: unknown metric type \"meter\" (histogram, summary, counter, "
            "gauge, info, enum)");
}

TEST(PrometheusHandler, APortInUseIsLoggedAndTheProgramRunsOn) {
  PrometheusHandler first("first", on_any_port());
  PrometheusHandlerOptions same = on_any_port();
  same.listen = "127.0.0.1:" + std::to_string(first.port());
  testing::internal::CaptureStderr();
  PrometheusHandler second("second", same);
  second.handle(sample_records(), "time_profiler");
  const std::string logged = testing::internal::GetCapturedStderr();
  EXPECT_EQ(second.port(), 0);
  EXPECT_NE(logged.find("PrometheusHandler 'second': cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                        ": Address already in use; its records are dropped, the program runs on"),
            std::string::npos)
      << logged;
}

TEST(PrometheusHandler, ItsCopyInAForkedChildDropsRecordsAndEndsCleanly) {
  auto handler = std::make_shared<PrometheusHandler>("prom", on_any_port());
  const pid_t child = fork();
  if (child == 0) {
    handler->handle(sample_records(), "time_profiler");
    const int port_in_child = handler->port();
    handler.reset();  // must neither join nor detach the parent's thread
    _exit(port_in_child == 0 ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  // The parent still serves, and got nothing from the child.
  const std::string text = body_of(prometheus::test::get(handler->port(), "/metrics"));
  EXPECT_EQ(text.find("time_profiler"), std::string::npos) << text;
  EXPECT_NE(text.find("phanos_prometheus_dropped_records_total"), std::string::npos) << text;
}

}  // namespace
}  // namespace phanos
