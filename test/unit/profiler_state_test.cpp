// The profiler's run-time state, as Python phanos' profiler attributes show
// it: job, handle_records, error_raised_label, needs_profiling(),
// get_records_count(), metrics and handlers.

#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include "test_support.hpp"

namespace phanos {
namespace {

using test::api_child_site;
using test::api_root_site;
using test::profiled;
using testing::ElementsAre;

TEST(ProfilerState, ShowsTheConfiguration) {
  Config config = test::example_config(/*error_raised_label=*/true);
  config.response_size_profile = true;
  test::reset_profiler(config);
  profiler().add_metric(std::make_shared<Counter>("requests", "EXAMPLE", "count"));

  EXPECT_EQ(profiler().job(), "EXAMPLE");
  EXPECT_TRUE(profiler().handle_records());
  EXPECT_TRUE(profiler().error_raised_label());
  EXPECT_TRUE(profiler().needs_profiling());
  EXPECT_THAT(profiler().metric_names(), ElementsAre("response_size", "time_profiler", "requests"));
  EXPECT_THAT(profiler().handler_names(), ElementsAre("capture"));
}

TEST(ProfilerState, ResponseSizeIsHandedOverBeforeTimesAsInPython) {
  Config config = test::example_config();
  config.response_size_profile = true;
  auto capture = test::reset_profiler(config);
  profiled(api_root_site, [] { return 7; });

  std::vector<test::HandleCall> calls = capture->calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].profiler_name, "response_size");
  EXPECT_EQ(calls[1].profiler_name, "time_profiler");
}

TEST(ProfilerState, NeedsProfilingOnlyWithHandlersMetricsAndHandleRecords) {
  test::reset_profiler(test::example_config());
  EXPECT_TRUE(profiler().needs_profiling());
  profiler().delete_handlers();
  EXPECT_FALSE(profiler().needs_profiling());
  EXPECT_THAT(profiler().handler_names(), ElementsAre());

  test::reset_profiler(test::example_config());
  profiler().delete_metrics(true, true);
  EXPECT_FALSE(profiler().needs_profiling());
  EXPECT_THAT(profiler().metric_names(), ElementsAre());
}

TEST(ProfilerState, HandleRecordsSwitchesMeasuringOffAndOn) {
  auto capture = test::reset_profiler(test::example_config());
  profiler().handle_records(false);
  EXPECT_FALSE(profiler().handle_records());
  EXPECT_FALSE(profiler().needs_profiling());
  profiled(api_root_site, [] {});
  EXPECT_TRUE(capture->calls().empty());

  profiler().handle_records(true);
  EXPECT_TRUE(profiler().needs_profiling());
  profiled(api_root_site, [] {});
  ASSERT_EQ(capture->all_records().size(), 1u);
  EXPECT_EQ(capture->all_records()[0].method, "Api:root");
}

TEST(ProfilerState, ErrorRaisedLabelAppliesFromTheNextRecord) {
  auto capture = test::reset_profiler(test::example_config());
  EXPECT_FALSE(profiler().error_raised_label());
  profiled(api_root_site, [] {});
  profiler().error_raised_label(true);
  EXPECT_TRUE(profiler().error_raised_label());
  profiled(api_root_site, [] {});

  std::vector<Record> records = capture->all_records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].labels.empty());
  EXPECT_THAT(records[1].labels, ElementsAre(std::make_pair(std::string("error_raised"), std::string("false"))));
}

TEST(ProfilerState, RecordsCountIsWhatWaitsOnThisThread) {
  test::reset_profiler(test::example_config());
  EXPECT_EQ(profiler().records_count(), 0u);
  std::size_t during = 0;
  profiled(api_root_site, [&] {
    profiled(api_child_site, [] {});
    profiled(api_child_site, [] {});
    during = profiler().records_count();
  });
  EXPECT_EQ(during, 2u);                      // the two children; the root records as it returns
  EXPECT_EQ(profiler().records_count(), 0u);  // handed over
}

}  // namespace
}  // namespace phanos
