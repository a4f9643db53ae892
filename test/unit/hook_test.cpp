// The profiler's hooks: assignment (also chained, Python-style), reading the
// function back, failures kept away from the profiled call, and reassignment
// while other threads make profiled calls.

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace phanos {
namespace {

constexpr detail::Site site{"work", "Hooks", "Hooks::work", "hooks.cpp", 1};

TEST(Hook, ChainedAssignmentSetsAndClearsEveryHook) {
  test::reset_profiler(test::example_config());
  int calls = 0;
  Profiler& p = profiler();
  p.before_func = p.after_func = [&](const Call&) { ++calls; };
  EXPECT_TRUE(p.before_func);
  EXPECT_TRUE(p.after_func);
  test::profiled(site, [] { return 0; });
  EXPECT_EQ(calls, 2);

  std::function<void(const Call&)> copy = p.before_func;
  ASSERT_TRUE(copy);
  p.before_func = p.after_func = nullptr;
  EXPECT_FALSE(p.before_func);
  EXPECT_FALSE(p.after_func);
  test::profiled(site, [] { return 0; });
  EXPECT_EQ(calls, 2);
}

TEST(Hook, AThrowingHookNeitherBreaksTheCallNorFloodsTheLog) {
  test::reset_profiler(test::example_config());
  profiler().after_func = [](const Call&) { throw std::runtime_error("hook broke"); };
  testing::internal::CaptureStderr();
  int result = 0;
  for (int i = 0; i < 3; ++i) result += test::profiled(site, [] { return 2; });
  const std::string errors = testing::internal::GetCapturedStderr();
  profiler().after_func = nullptr;
  EXPECT_EQ(result, 6);
  EXPECT_NE(errors.find("hook 'after_func' threw: hook broke"), std::string::npos) << errors;
  EXPECT_EQ(errors.find("hook broke"), errors.rfind("hook broke"));  // once
}

TEST(Hook, ReassignedWhileOtherThreadsProfile) {
  test::reset_profiler(test::example_config());
  constexpr int thread_count = 3;
  constexpr detail::Site last_site{"last", "Hooks", "Hooks::last", "hooks.cpp", 2};
  std::atomic<int> profiling{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&] {
      test::profiled(site, [] { return 0; });
      ++profiling;
      while (!stop) test::profiled(site, [] { return 0; });
      // Made after seeing `stop`, so after the last assignment: it must see it.
      test::profiled(last_site, [] { return 0; });
    });
  }
  // The assignments overlap the other threads' calls.
  while (profiling.load() < thread_count) std::this_thread::yield();
  for (int i = 0; i < 200; ++i) {
    profiler().before_func = [](const Call&) {};
    profiler().before_func = nullptr;
  }
  std::atomic<int> last_calls{0};
  profiler().before_func = [&](const Call& call) {
    if (call.name() == "last") ++last_calls;
  };
  stop = true;
  for (std::thread& thread : threads) thread.join();
  profiler().before_func = nullptr;
  EXPECT_EQ(last_calls.load(), thread_count);
}

}  // namespace
}  // namespace phanos
