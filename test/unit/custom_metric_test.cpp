// A custom metric the way Python phanos documents one: derive from a basic
// metric, add operations that call the inherited ones, override cleanup().

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace phanos {
namespace {

class RequestLatency : public Histogram {
 public:
  RequestLatency() : Histogram("request_latency", "EXAMPLE", "mS", {"route"}) {}

  bool finished(double started_ms, double ended_ms, const std::string& route) {
    if (ended_ms < started_ms) return false;
    return observe(ended_ms - started_ms, {{"route", route}});
  }

  void cleanup() override { ++cleanups; }
  int cleanups = 0;
};

constexpr detail::Site handler_site{"handle", "Server", "Server::handle", "server.cpp", 1};

TEST(CustomMetric, ItsOperationsRecordThroughTheInheritedOnes) {
  auto capture = test::reset_profiler(test::example_config(false, /*time_profile=*/false));
  auto latency = std::make_shared<RequestLatency>();
  profiler().add_metric(latency);

  test::profiled(handler_site, [&] {
    EXPECT_TRUE(latency->finished(10.0, 12.5, "/a"));
    EXPECT_FALSE(latency->finished(12.0, 10.0, "/a"));  // its own validation
    return 0;
  });

  const std::vector<test::HandleCall> calls = capture->calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].profiler_name, "request_latency");
  EXPECT_EQ(to_json(calls[0].records),
            R"([{"item":"Server","metric":"histogram","units":"mS","job":"EXAMPLE","method":"Server:handle",)"
            R"("labels":{"route":"/a"},"value":["observe",2.5]}])");
}

TEST(CustomMetric, CleanupRunsOncePerHandOverAndOnClear) {
  test::reset_profiler(test::example_config(false, /*time_profile=*/false));
  auto latency = std::make_shared<RequestLatency>();
  profiler().add_metric(latency);

  test::profiled(handler_site, [&] { return latency->finished(0.0, 1.0, "/b"); });
  test::profiled(handler_site, [&] { return latency->finished(0.0, 1.0, "/b"); });
  EXPECT_EQ(latency->cleanups, 2);
  profiler().clear();
  EXPECT_EQ(latency->cleanups, 3);
}

}  // namespace
}  // namespace phanos
