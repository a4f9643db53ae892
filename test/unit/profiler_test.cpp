// Configuration and the registries of metrics and handlers.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "test_support.hpp"
#include "waiting_records.hpp"

namespace phanos {
namespace {

using test::profiled;
using testing::HasSubstr;

constexpr detail::Site get_site{"get", "Api", "Api::get", "api.cpp", 1};

std::vector<std::string> handed_over_metrics(const test::CapturingHandler& capture) {
  std::vector<std::string> names;
  for (const auto& call : capture.calls()) names.push_back(call.profiler_name);
  return names;
}

TEST(Profiler, EmptyJobIsAConfigErrorNamingJob) {
  Config config;
  try {
    profiler().config(config);
    FAIL() << "config without job should throw";
  } catch (const ConfigError& error) {
    EXPECT_THAT(error.what(), testing::StartsWith("job:"));
  }
}

TEST(Profiler, RejectedConfigChangesNothing) {
  auto capture = test::reset_profiler(test::example_config());
  EXPECT_THROW(profiler().config(Config{}), ConfigError);
  profiled(get_site, [] {});
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].job, "EXAMPLE");
}

TEST(Profiler, ActiveOnlyWithHandlerMetricAndHandleRecords) {
  auto capture = test::reset_profiler(test::example_config());
  EXPECT_TRUE(detail::profiling_active());

  profiler().delete_handlers();
  EXPECT_FALSE(detail::profiling_active());
  profiled(get_site, [] {});
  profiler().add_handler(capture);
  EXPECT_TRUE(detail::profiling_active());

  profiler().delete_metrics(true, true);
  EXPECT_FALSE(detail::profiling_active());
  profiled(get_site, [] {});
  profiler().config(test::example_config());
  EXPECT_TRUE(detail::profiling_active());

  Config off = test::example_config();
  off.handle_records = false;
  profiler().config(off);
  EXPECT_FALSE(detail::profiling_active());
  profiled(get_site, [] {});

  EXPECT_TRUE(capture->calls().empty());
}

// Without handlers a call is not measured; a metric's record waits, as in
// Python, for the first hand-over once profiling is on again.
TEST(Profiler, WhileInactiveCallsAreNotMeasuredAndRecordsWait) {
  auto capture = test::reset_profiler(test::example_config());
  auto gauge = std::make_shared<Gauge>("g", "EXAMPLE", "n");
  profiler().add_metric(gauge);
  profiler().delete_handlers();
  EXPECT_TRUE(gauge->set(1.0));
  EXPECT_EQ(profiled(get_site, [] { return 42; }), 42);
  profiler().flush();
  profiler().add_handler(capture);
  profiled(get_site, [] {});
  EXPECT_EQ(handed_over_metrics(*capture), (std::vector<std::string>{"time_profiler", "g"}));
}

TEST(Profiler, RecordsMadeWithHandleRecordsOffWaitForItToBeOn) {
  auto capture = test::reset_profiler(test::example_config());
  auto gauge = std::make_shared<Gauge>("g", "EXAMPLE", "n");
  profiler().add_metric(gauge);
  profiler().handle_records(false);
  profiled(get_site, [&] { gauge->set(2.0); });
  std::thread([&] { gauge->set(3.0); }).join();  // a thread that ends meanwhile
  EXPECT_TRUE(capture->calls().empty());
  profiler().handle_records(true);
  profiler().flush();
  ASSERT_EQ(capture->all_records().size(), 2u);
  EXPECT_EQ(std::get<double>(capture->all_records()[1].value), 3.0);
}

TEST(Profiler, RecordsKeptWhileInactiveAreBounded) {
  auto capture = test::reset_profiler(test::example_config());
  auto counter = std::make_shared<Counter>("c", "EXAMPLE", "n");
  profiler().add_metric(counter);
  profiler().handle_records(false);
  testing::internal::CaptureStderr();
  for (std::size_t i = 0; i < detail::max_records_kept_while_off + 5; ++i) ASSERT_TRUE(counter->inc(1.0));
  const std::string log = testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("records made while profiling is off wait for it to be on again, at most 10000; later ones "
                     "are dropped"),
            std::string::npos)
      << log;
  profiler().handle_records(true);
  profiler().flush();
  EXPECT_EQ(capture->all_records().size(), detail::max_records_kept_while_off);
}

TEST(Profiler, TimeProfileOffMeansNoTimeRecords) {
  auto capture = test::reset_profiler(test::example_config());
  profiler().config(test::example_config(false, /*time_profile=*/false));
  auto gauge = std::make_shared<Gauge>("g", "EXAMPLE", "n");
  profiler().add_metric(gauge);
  profiled(get_site, [&] { gauge->set(1.0); });
  EXPECT_EQ(handed_over_metrics(*capture), (std::vector<std::string>{"g"}));
}

TEST(Profiler, MetricsAreHandedOverInTheOrderAdded) {
  auto capture = test::reset_profiler(test::example_config());
  auto a = std::make_shared<Gauge>("a", "EXAMPLE", "n");
  auto b = std::make_shared<Gauge>("b", "EXAMPLE", "n");
  profiler().add_metric(b);
  profiler().add_metric(a);
  profiled(get_site, [&] {
    a->set(1.0);
    b->set(1.0);
  });
  EXPECT_EQ(handed_over_metrics(*capture), (std::vector<std::string>{"time_profiler", "b", "a"}));
}

TEST(Profiler, SameMetricNameReplacesInPlaceWithAWarning) {
  auto capture = test::reset_profiler(test::example_config());
  auto first = std::make_shared<Gauge>("a", "EXAMPLE", "n");
  auto b = std::make_shared<Gauge>("b", "EXAMPLE", "n");
  auto second = std::make_shared<Gauge>("a", "EXAMPLE", "other");
  profiler().add_metric(first);
  profiler().add_metric(b);
  testing::internal::CaptureStderr();
  profiler().add_metric(second);
  EXPECT_THAT(testing::internal::GetCapturedStderr(), HasSubstr("'a' already exists"));
  profiled(get_site, [&] {
    first->set(1.0);  // no longer registered: dropped
    second->set(2.0);
    b->set(3.0);
  });
  const auto calls = capture->calls();
  ASSERT_EQ(handed_over_metrics(*capture), (std::vector<std::string>{"time_profiler", "a", "b"}));
  ASSERT_EQ(calls[1].records.size(), 1u);
  EXPECT_EQ(calls[1].records[0].units, "other");
}

TEST(Profiler, DeleteMetricsKeepsBuiltInsUnlessAsked) {
  auto capture = test::reset_profiler(test::example_config());
  auto gauge = std::make_shared<Gauge>("g", "EXAMPLE", "n");
  profiler().add_metric(gauge);
  profiler().delete_metrics();
  profiled(get_site, [&] { gauge->set(1.0); });
  EXPECT_EQ(handed_over_metrics(*capture), (std::vector<std::string>{"time_profiler"}));
}

TEST(Profiler, DeleteMetricStopsTiming) {
  auto capture = test::reset_profiler(test::example_config());
  auto gauge = std::make_shared<Gauge>("g", "EXAMPLE", "n");
  profiler().add_metric(gauge);
  profiler().delete_metric("time_profiler");
  testing::internal::CaptureStderr();
  profiler().delete_metric("no_such_metric");
  EXPECT_THAT(testing::internal::GetCapturedStderr(), HasSubstr("'no_such_metric' does not exist"));
  profiled(get_site, [&] { gauge->set(1.0); });
  EXPECT_EQ(handed_over_metrics(*capture), (std::vector<std::string>{"g"}));
}

TEST(Profiler, HandlersAreCalledInOrderAndDeletedByName) {
  auto capture = test::reset_profiler(test::example_config());
  std::vector<std::string> order;
  class Named : public Handler {
   public:
    Named(std::string name, std::vector<std::string>& order) : Handler(std::move(name)), order_(order) {}
    void handle(const std::vector<Record>&, std::string_view) override { order_.push_back(handler_name()); }

   private:
    std::vector<std::string>& order_;
  };
  profiler().add_handler(std::make_shared<Named>("second", order));
  profiler().add_handler(std::make_shared<Named>("third", order));
  profiled(get_site, [] {});
  EXPECT_EQ(order, (std::vector<std::string>{"second", "third"}));

  profiler().delete_handler("second");
  testing::internal::CaptureStderr();
  profiler().delete_handler("second");
  EXPECT_THAT(testing::internal::GetCapturedStderr(), HasSubstr("'second' does not exist"));
  profiled(get_site, [] {});
  EXPECT_EQ(order, (std::vector<std::string>{"second", "third", "third"}));
  EXPECT_EQ(capture->calls().size(), 2u);
}

class ThrowingHandler : public Handler {
 public:
  using Handler::Handler;
  void handle(const std::vector<Record>&, std::string_view) override { throw std::runtime_error("broker down"); }
};

TEST(Profiler, ThrowingHandlerIsReportedOnceAndOthersStillRun) {
  test::reset_profiler(test::example_config());
  profiler().delete_handlers();
  profiler().add_handler(std::make_shared<ThrowingHandler>("broken"));
  auto capture = std::make_shared<test::CapturingHandler>("capture");
  profiler().add_handler(capture);

  testing::internal::CaptureStderr();
  EXPECT_EQ(profiled(get_site, [] { return 1; }), 1);
  EXPECT_EQ(profiled(get_site, [] { return 2; }), 2);
  const std::string errors = testing::internal::GetCapturedStderr();

  EXPECT_EQ(capture->calls().size(), 2u);
  EXPECT_THAT(errors, HasSubstr("handler 'broken' threw: broker down"));
  EXPECT_EQ(errors.find("broken"), errors.rfind("broken"));
}

TEST(Profiler, ProfiledCallsInsideHandlersAreNotTracked) {
  auto capture = test::reset_profiler(test::example_config());
  class CallsProfiledCode : public Handler {
   public:
    using Handler::Handler;
    void handle(const std::vector<Record>&, std::string_view) override {
      ++calls;
      profiled(get_site, [] {});
    }
    int calls = 0;
  };
  auto reentrant = std::make_shared<CallsProfiledCode>("reentrant");
  profiler().add_handler(reentrant);
  profiled(get_site, [] {});
  EXPECT_EQ(reentrant->calls, 1);
  EXPECT_EQ(capture->all_records().size(), 1u);
}

TEST(Profiler, ClearDropsWaitingRecordsAndCleansMetrics) {
  auto capture = test::reset_profiler(test::example_config(false, false));
  class Counting : public Gauge {
   public:
    using Gauge::Gauge;
    void cleanup() override { ++cleanups; }
    int cleanups = 0;
  };
  auto gauge = std::make_shared<Counting>("g", "EXAMPLE", "n");
  profiler().add_metric(gauge);
  gauge->set(1.0);  // outside any call: waits
  profiler().clear();
  EXPECT_EQ(gauge->cleanups, 1);
  profiled(get_site, [&] { gauge->set(2.0); });
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(std::get<double>(records[0].value), 2.0);
}

TEST(Profiler, NullHandlerOrMetricIsRejected) {
  test::reset_profiler(test::example_config());
  EXPECT_THROW(profiler().add_handler(nullptr), std::invalid_argument);
  EXPECT_THROW(profiler().add_metric(nullptr), std::invalid_argument);
}

}  // namespace
}  // namespace phanos
