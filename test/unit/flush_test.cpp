// Profiler::flush() and flush_all() (Python's handle_records_clear and
// force_handle_records_clear), and records made outside profiled calls, which
// must reach the handlers without waiting for a profiled call that may never
// come.

#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "hand_over.hpp"
#include "test_support.hpp"

namespace phanos {
namespace {

using test::api_child_site;
using test::api_root_site;
using test::methods_of;
using test::profiled;
using testing::ElementsAre;

TEST(Flush, HandsFinishedCallsOverWhileTheRootGoesOn) {
  auto capture = test::reset_profiler(test::example_config());
  profiled(api_root_site, [&] {
    profiled(api_child_site, [] {});
    EXPECT_EQ(profiler().records_count(), 1u);
    profiler().flush();
    EXPECT_EQ(profiler().records_count(), 0u);
    EXPECT_THAT(methods_of(capture->all_records()), ElementsAre("Api:root.child"));
  });
  // The root's own record comes when it ends, in a hand-over of its own.
  ASSERT_EQ(capture->calls().size(), 2u);
  EXPECT_THAT(methods_of(capture->calls()[1].records), ElementsAre("Api:root"));
}

// Adds one to `handled` per metric's records it is given: a handler whose
// work makes records of its own.
class RecordMakingHandler : public Handler {
 public:
  explicit RecordMakingHandler(std::shared_ptr<Counter> handled)
      : Handler("record_making"), handled_(std::move(handled)) {}
  void handle(const std::vector<Record>&, std::string_view) override { handled_->inc(1.0); }

 private:
  std::shared_ptr<Counter> handled_;
};

// A hand-over gives its buffers back to the thread afterwards: records that a
// handler makes meanwhile wait in buffers of their own, for the next one.
TEST(Flush, RecordsAHandlerMakesDuringAHandOverWaitForTheNext) {
  auto capture = test::reset_profiler(test::example_config());
  auto handled = std::make_shared<Counter>("handled", "EXAMPLE", "count");
  profiler().add_metric(handled);
  profiler().add_handler(std::make_shared<RecordMakingHandler>(handled));
  profiled(api_root_site, [&] {
    profiled(api_child_site, [] {});
    profiler().flush();
    EXPECT_EQ(profiler().records_count(), 1u);  // the handler's inc(), made during the flush
    profiled(api_child_site, [] {});
    profiler().flush();
  });

  std::vector<std::string> handed_over;
  for (const test::HandleCall& call : capture->calls()) {
    for (const Record& record : call.records) handed_over.push_back(call.profiler_name + " " + record.method);
  }
  // The handler's records are made inside the root, where the flushes are:
  // one in the first hand-over, one per metric handed over in the others.
  EXPECT_THAT(handed_over,
              ElementsAre("time_profiler Api:root.child", "time_profiler Api:root.child", "handled Api:root",
                          "time_profiler Api:root", "handled Api:root", "handled Api:root"));
}

TEST(Flush, HandsOverRecordsMadeOutsideProfiledCalls) {
  auto capture = test::reset_profiler(test::example_config());
  auto requests = std::make_shared<Counter>("requests", "EXAMPLE", "count");
  profiler().add_metric(requests);
  ASSERT_TRUE(requests->inc(1.0));
  EXPECT_TRUE(capture->calls().empty());
  profiler().flush();
  ASSERT_EQ(capture->calls().size(), 1u);
  EXPECT_EQ(capture->calls()[0].profiler_name, "requests");
  EXPECT_EQ(capture->calls()[0].records.at(0).method, "");
}

TEST(Flush, NothingWaitingHandsNothingOver) {
  auto capture = test::reset_profiler(test::example_config());
  profiler().flush();
  profiler().flush_all();
  EXPECT_TRUE(capture->calls().empty());
}

TEST(Flush, RecordsOutsideCallsGoOutOnceAHundredWait) {
  auto capture = test::reset_profiler(test::example_config());
  auto requests = std::make_shared<Counter>("requests", "EXAMPLE", "count");
  profiler().add_metric(requests);
  for (std::size_t i = 1; i < detail::waiting_records_limit; ++i) ASSERT_TRUE(requests->inc(1.0));
  EXPECT_TRUE(capture->calls().empty());
  ASSERT_TRUE(requests->inc(1.0));
  ASSERT_EQ(capture->calls().size(), 1u);
  EXPECT_EQ(capture->calls()[0].records.size(), detail::waiting_records_limit);
}

TEST(Flush, RecordsOutsideCallsGoOutWhenTheirThreadEnds) {
  auto capture = test::reset_profiler(test::example_config());
  auto requests = std::make_shared<Counter>("requests", "EXAMPLE", "count");
  profiler().add_metric(requests);
  std::thread([&] { ASSERT_TRUE(requests->inc(1.0)); }).join();
  ASSERT_EQ(capture->calls().size(), 1u);
  EXPECT_EQ(capture->calls()[0].profiler_name, "requests");
}

// A thread in the middle of a root: flush_all() leaves its call alone, and
// the thread hands over what finished at the end of its next profiled call,
// before its root ends.
TEST(FlushAll, OtherThreadsHandOverAtTheirNextCallsEnd) {
  auto capture = test::reset_profiler(test::example_config());
  std::mutex mutex;
  std::condition_variable changed;
  int step = 0;
  auto wait_for = [&](int wanted) {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return step == wanted; });
  };
  auto go_to = [&](int next) {
    std::lock_guard<std::mutex> lock(mutex);
    step = next;
    changed.notify_all();
  };

  std::thread worker([&] {
    profiled(api_root_site, [&] {
      profiled(api_child_site, [] {});
      go_to(1);
      wait_for(2);
      profiled(api_child_site, [] {});  // ends after flush_all(): both children go out
      go_to(3);
      wait_for(4);
    });
  });
  wait_for(1);
  profiler().flush_all();
  EXPECT_TRUE(capture->calls().empty());  // the worker's records are its own until it acts
  go_to(2);
  wait_for(3);
  EXPECT_THAT(methods_of(capture->all_records()), ElementsAre("Api:root.child", "Api:root.child"));
  go_to(4);
  worker.join();
  EXPECT_THAT(methods_of(capture->all_records()), ElementsAre("Api:root.child", "Api:root.child", "Api:root"));
}

}  // namespace
}  // namespace phanos
