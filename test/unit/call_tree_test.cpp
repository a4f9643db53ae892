// The call tree: context strings, items, when records are handed over.
// Scenarios mirror test/reference/python (nested, batching) in C++.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <sstream>
#include <thread>

#include "test_support.hpp"
#include "thread_state.hpp"

namespace phanos {
namespace {

using test::CapturingHandler;
using test::profiled;

constexpr detail::Site first_access_site{"first_access", "DummyDbAccess", "DummyDbAccess::first_access", "nested.cpp",
                                         1};
constexpr detail::Site second_access_site{"second_access", "DummyDbAccess", "DummyDbAccess::second_access",
                                          "nested.cpp", 2};
constexpr detail::Site third_access_site{"third_access", "DummyDbAccess", "DummyDbAccess::third_access", "nested.cpp",
                                         3};
constexpr detail::Site free_function_site{"free_function", "__main__", "free_function", "__main__.cpp", 4};

struct DummyDbAccess {
  int first_access() {
    return profiled(first_access_site, [&] { return 1; });
  }
  int second_access() {
    return profiled(second_access_site, [&] {
      first_access();
      return first_access() + 1;
    });
  }
  int third_access() {
    return profiled(third_access_site, [&] { return second_access(); });
  }
};

int free_function() {
  return profiled(free_function_site, [&] { return DummyDbAccess{}.second_access(); });
}

TEST(CallTree, NestedScenarioMatchesPythonText) {
  auto capture = test::reset_profiler(test::example_config(/*error_raised_label=*/true));
  std::ostringstream text;
  profiler().add_handler(std::make_shared<StreamHandler>("text", text));

  EXPECT_EQ(DummyDbAccess{}.third_access(), 2);
  EXPECT_EQ(free_function(), 2);

  EXPECT_EQ(test::mask_times(text.str()),
            "profiler: time_profiler, method: DummyDbAccess:third_access.second_access.first_access, value: <ms> mS, "
            "labels: error_raised=False\n"
            "profiler: time_profiler, method: DummyDbAccess:third_access.second_access.first_access, value: <ms> mS, "
            "labels: error_raised=False\n"
            "profiler: time_profiler, method: DummyDbAccess:third_access.second_access, value: <ms> mS, labels: "
            "error_raised=False\n"
            "profiler: time_profiler, method: DummyDbAccess:third_access, value: <ms> mS, labels: error_raised=False\n"
            "profiler: time_profiler, method: __main__:free_function.second_access.first_access, value: <ms> mS, "
            "labels: error_raised=False\n"
            "profiler: time_profiler, method: __main__:free_function.second_access.first_access, value: <ms> mS, "
            "labels: error_raised=False\n"
            "profiler: time_profiler, method: __main__:free_function.second_access, value: <ms> mS, labels: "
            "error_raised=False\n"
            "profiler: time_profiler, method: __main__:free_function, value: <ms> mS, labels: error_raised=False\n");
}

TEST(CallTree, EachRootIsOneHandOverAndEveryRecordCarriesTheRootItem) {
  auto capture = test::reset_profiler(test::example_config());
  DummyDbAccess{}.third_access();
  free_function();

  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), 2u);
  ASSERT_EQ(calls[0].records.size(), 4u);
  ASSERT_EQ(calls[1].records.size(), 4u);
  for (const Record& record : calls[0].records) {
    EXPECT_EQ(record.item, "DummyDbAccess");
    EXPECT_EQ(record.metric, "histogram");
    EXPECT_EQ(record.units, "mS");
    EXPECT_EQ(record.job, "EXAMPLE");
    EXPECT_EQ(record.operation, "observe");
    EXPECT_TRUE(record.labels.empty());
    EXPECT_GE(std::get<double>(record.value), 0.0);
  }
  for (const Record& record : calls[1].records) EXPECT_EQ(record.item, "__main__");
  EXPECT_EQ(calls[1].profiler_name, "time_profiler");
}

TEST(CallTree, RecordsWaitUntilTheRootReturns) {
  auto capture = test::reset_profiler(test::example_config());
  std::size_t handed_over_inside_root = 99;
  static constexpr detail::Site root_site{"root", "Batch", "Batch::root", "batch.cpp", 1};
  profiled(root_site, [&] {
    DummyDbAccess{}.second_access();
    handed_over_inside_root = capture->calls().size();
  });
  EXPECT_EQ(handed_over_inside_root, 0u);
  ASSERT_EQ(capture->calls().size(), 1u);
  EXPECT_EQ(test::methods_of(capture->calls()[0].records),
            (std::vector<std::string>{"Batch:root.second_access.first_access", "Batch:root.second_access.first_access",
                                      "Batch:root.second_access", "Batch:root"}));
}

TEST(CallTree, HundredWaitingRecordsAreHandedOverEarly) {
  auto capture = test::reset_profiler(test::example_config());
  static constexpr detail::Site root_site{"root", "Batch", "Batch::root", "batch.cpp", 1};
  static constexpr detail::Site child_site{"child", "Batch", "Batch::child", "batch.cpp", 2};
  profiled(root_site, [&] {
    for (int i = 0; i < 150; ++i) profiled(child_site, [] { return 0; });
  });

  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].records.size(), 100u);
  EXPECT_EQ(calls[1].records.size(), 51u);
  EXPECT_EQ(calls[0].records.front().method, "Batch:root.child");
  EXPECT_EQ(calls[1].records.back().method, "Batch:root");
}

// Whatever clock times calls (the TSC where the kernel uses it), a call's
// time lies between how long it surely took and what steady_clock saw
// around it, to the 0.01 ms it is rounded to.
TEST(CallTree, TimeAgreesWithSteadyClock) {
  auto capture = test::reset_profiler(test::example_config());
  static constexpr detail::Site sleeper{"sleeper", "Clock", "Clock::sleeper", "clock.cpp", 1};
  for (const auto pause : {std::chrono::milliseconds(2), std::chrono::milliseconds(30)}) {
    const auto before = std::chrono::steady_clock::now();
    profiled(sleeper, [&] { std::this_thread::sleep_for(pause); });
    const double outside = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    const auto records = capture->all_records();
    ASSERT_FALSE(records.empty());
    const double recorded = std::get<double>(records.back().value);
    const double slept = std::chrono::duration<double, std::milli>(pause).count();
    EXPECT_GE(recorded, slept - 0.005);
    EXPECT_LE(recorded, outside + 0.005);
  }
}

TEST(CallTree, CallScopeBuildsContextsFromHandMadeSites) {
  test::reset_profiler(test::example_config());
  static constexpr detail::Site outer{"outer", "Widget", "ns::Widget::outer", "widget.cpp", 10};
  static constexpr detail::Site inner{"inner", "helpers", "ns::helpers::inner", "widget.cpp", 20};
  EXPECT_EQ(detail::current_scope(), nullptr);
  {
    detail::CallScope outer_scope(outer);
    EXPECT_EQ(detail::current_scope(), &outer_scope);
    {
      detail::CallScope inner_scope(inner);
      ASSERT_NE(inner_scope.node(), nullptr);
      EXPECT_EQ(inner_scope.node()->context, "Widget:outer.inner");
      EXPECT_STREQ(inner_scope.node()->item, "Widget");
      EXPECT_FALSE(inner_scope.exception_propagating());
    }
    EXPECT_EQ(detail::current_scope(), &outer_scope);
    EXPECT_EQ(outer_scope.node()->context, "Widget:outer");
  }
  EXPECT_EQ(detail::current_scope(), nullptr);
}

// Beyond 32 names a path keeps the 30 outermost, "[...]" and its own name
// (docs/runtime-limits.md); test/lit/deep_recursion.cpp shows each depth.
TEST(CallTree, DeepRecursionKeepsTheOutermostCallsAndItsOwnName) {
  auto capture = test::reset_profiler(test::example_config());
  static constexpr detail::Site recurse_site{"recurse", "Deep", "Deep::recurse", "deep.cpp", 1};
  std::function<int(int)> recurse = [&](int depth) -> int {
    return profiled(recurse_site, [&] { return depth == 0 ? 0 : 1 + recurse(depth - 1); });
  };
  EXPECT_EQ(recurse(300), 300);
  const auto records = capture->all_records();
  ASSERT_EQ(records.size(), 301u);
  std::string deepest = "Deep:recurse";
  for (int i = 0; i < 29; ++i) deepest += ".recurse";
  deepest += ".[...].recurse";
  EXPECT_EQ(records.front().method, deepest);
  EXPECT_EQ(records.back().method, "Deep:recurse");
}

TEST(CallTree, ProfiledCallsKeepResultsAndReferences) {
  test::reset_profiler(test::example_config());
  static constexpr detail::Site site{"f", "T", "T::f", "t.cpp", 1};
  int storage = 5;
  int& same = profiled(site, [&]() -> int& { return storage; });
  EXPECT_EQ(&same, &storage);
  auto owned = profiled(site, [] { return std::make_unique<int>(7); });
  EXPECT_EQ(*owned, 7);
}

}  // namespace
}  // namespace phanos
