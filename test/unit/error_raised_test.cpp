// error_raised: true on the records of every call an exception leaves,
// false where it was caught. Mirrors test/reference/python/error_raised.txt.

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "test_support.hpp"

namespace phanos {
namespace {

using test::profiled;

constexpr detail::Site failing_child_site{"failing_child", "Service", "Service::failing_child", "service.cpp", 1};
constexpr detail::Site ok_child_site{"ok_child", "Service", "Service::ok_child", "service.cpp", 2};
constexpr detail::Site service_handler_site{"handler", "Service", "Service::handler", "service.cpp", 3};
constexpr detail::Site catching_site{"catching", "Service", "Service::catching", "service.cpp", 4};

struct Service {
  void failing_child() {
    profiled(failing_child_site, [] { throw std::invalid_argument("boom"); });
  }
  int ok_child() {
    return profiled(ok_child_site, [] { return 3; });
  }
  void handler() {
    profiled(service_handler_site, [&] {
      ok_child();
      failing_child();
    });
  }
  bool catching() {
    return profiled(catching_site, [&] {
      try {
        handler();
      } catch (const std::invalid_argument&) {
        return true;
      }
      return false;
    });
  }
};

std::string run_service(bool error_raised_label) {
  test::reset_profiler(test::example_config(error_raised_label));
  std::ostringstream text;
  profiler().add_handler(std::make_shared<StreamHandler>("text", text));
  try {
    Service{}.handler();
  } catch (const std::invalid_argument& error) {
    text << "# program raised " << error.what() << "\n";
  }
  return test::mask_times(text.str());
}

TEST(ErrorRaised, ThrowingCallAndCallersItPassesRecordTrue) {
  EXPECT_EQ(
      run_service(true),
      "profiler: time_profiler, method: Service:handler.ok_child, value: <ms> mS, labels: error_raised=False\n"
      "profiler: time_profiler, method: Service:handler.failing_child, value: <ms> mS, labels: error_raised=True\n"
      "profiler: time_profiler, method: Service:handler, value: <ms> mS, labels: error_raised=True\n"
      "# program raised boom\n");
}

TEST(ErrorRaised, NoLabelWhenDisabled) {
  EXPECT_EQ(run_service(false),
            "profiler: time_profiler, method: Service:handler.ok_child, value: <ms> mS\n"
            "profiler: time_profiler, method: Service:handler.failing_child, value: <ms> mS\n"
            "profiler: time_profiler, method: Service:handler, value: <ms> mS\n"
            "# program raised boom\n");
}

TEST(ErrorRaised, CatchingCallerRecordsFalse) {
  auto capture = test::reset_profiler(test::example_config(true));
  EXPECT_TRUE(Service{}.catching());
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].method, "Service:catching.handler");
  EXPECT_EQ(records[2].labels, (Labels{{"error_raised", "true"}}));
  EXPECT_EQ(records[3].method, "Service:catching");
  EXPECT_EQ(records[3].labels, (Labels{{"error_raised", "false"}}));
}

TEST(ErrorRaised, MetricOperationsRecordWhetherAnExceptionIsLeaving) {
  auto capture = test::reset_profiler(test::example_config(true));
  auto events = std::make_shared<Counter>("events", "EXAMPLE", "n");
  profiler().add_metric(events);

  struct RecordsOnUnwind {
    Counter& counter;
    ~RecordsOnUnwind() { counter.inc(1.0); }
  };
  EXPECT_THROW(profiled(service_handler_site,
                        [&] {
                          events->inc(1.0);
                          RecordsOnUnwind guard{*events};
                          throw std::runtime_error("late");
                        }),
               std::runtime_error);

  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), 2u);
  ASSERT_EQ(calls[1].profiler_name, "events");
  ASSERT_EQ(calls[1].records.size(), 2u);
  EXPECT_EQ(calls[1].records[0].labels, (Labels{{"error_raised", "false"}}));
  EXPECT_EQ(calls[1].records[1].labels, (Labels{{"error_raised", "true"}}));
}

TEST(ErrorRaised, CallFinishingNormallyDuringUnwindingRecordsFalse) {
  auto capture = test::reset_profiler(test::example_config(true));
  struct CallsOkChildOnUnwind {
    ~CallsOkChildOnUnwind() { Service{}.ok_child(); }
  };
  EXPECT_THROW(
      {
        CallsOkChildOnUnwind guard;
        throw std::runtime_error("unwinding");
      },
      std::runtime_error);
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].method, "Service:ok_child");
  EXPECT_EQ(records[0].labels, (Labels{{"error_raised", "false"}}));
}

TEST(ErrorRaised, ExceptionReachesTheCallerUnchanged) {
  test::reset_profiler(test::example_config(true));
  try {
    Service{}.handler();
    FAIL() << "handler() should have thrown";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "boom");
  }
}

}  // namespace
}  // namespace phanos
