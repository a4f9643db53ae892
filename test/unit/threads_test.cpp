// Each thread keeps its own call tree; hand-overs never mix threads' trees.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <regex>
#include <string>
#include <thread>

#include "test_support.hpp"

namespace phanos {
namespace {

using test::profiled;

constexpr int threads_started = 8;
constexpr int roots_per_started_thread = 50;

// One item per thread, so a record shows which thread's tree it came from.
constexpr detail::Site started_threads_root_sites[threads_started] = {
    {"root", "Worker0", "Worker0::root", "w.cpp", 1}, {"root", "Worker1", "Worker1::root", "w.cpp", 1},
    {"root", "Worker2", "Worker2::root", "w.cpp", 1}, {"root", "Worker3", "Worker3::root", "w.cpp", 1},
    {"root", "Worker4", "Worker4::root", "w.cpp", 1}, {"root", "Worker5", "Worker5::root", "w.cpp", 1},
    {"root", "Worker6", "Worker6::root", "w.cpp", 1}, {"root", "Worker7", "Worker7::root", "w.cpp", 1},
};
constexpr detail::Site child_site{"child", "Shared", "Shared::child", "w.cpp", 2};

TEST(Threads, EachThreadHasItsOwnTree) {
  auto capture = test::reset_profiler(test::example_config());
  std::vector<std::thread> threads;
  for (int t = 0; t < threads_started; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < roots_per_started_thread; ++i) {
        profiled(started_threads_root_sites[t], [] { profiled(child_site, [] { profiled(child_site, [] {}); }); });
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  const auto calls = capture->calls();
  ASSERT_EQ(calls.size(), static_cast<std::size_t>(threads_started * roots_per_started_thread));
  std::map<std::string, int> records_per_item;
  for (const auto& call : calls) {
    ASSERT_EQ(call.records.size(), 3u);
    const std::string item = call.records[0].item;
    EXPECT_EQ(call.records[0].method, item + ":root.child.child");
    EXPECT_EQ(call.records[1].method, item + ":root.child");
    EXPECT_EQ(call.records[2].method, item + ":root");
    for (const Record& record : call.records) EXPECT_EQ(record.item, item);
    records_per_item[item] += 3;
  }
  ASSERT_EQ(records_per_item.size(), static_cast<std::size_t>(threads_started));
  for (const auto& [item, count] : records_per_item) EXPECT_EQ(count, 3 * roots_per_started_thread) << item;
}

TEST(Threads, ConfigChangesWhileThreadsProfile) {
  auto capture = test::reset_profiler(test::example_config());
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&stop, t] {
      while (!stop.load()) profiled(started_threads_root_sites[t], [] { profiled(child_site, [] {}); });
    });
  }
  testing::internal::CaptureStderr();  // replace/delete warnings
  for (int i = 0; i < 200; ++i) {
    auto gauge = std::make_shared<Gauge>("g" + std::to_string(i % 3), "EXAMPLE", "n");
    profiler().add_metric(gauge);
    if (i % 7 == 0) profiler().delete_metric("g1");
    if (i % 11 == 0) profiler().delete_handlers();
    if (i % 11 == 1) profiler().add_handler(capture);
  }
  stop = true;
  for (std::thread& thread : threads) thread.join();
  testing::internal::GetCapturedStderr();
  // A child entered while its root ran unprofiled becomes a root itself.
  const std::regex well_formed(R"((Worker\d:root(\.child)?|Shared:child))");
  for (const auto& call : capture->calls()) {
    for (const Record& record : call.records) {
      EXPECT_TRUE(std::regex_match(record.method, well_formed)) << record.method;
      EXPECT_EQ(record.method.substr(0, record.item.size() + 1), record.item + ":");
    }
  }
}

// Constructed before the thread's first profiled call, so destroyed after
// the runtime's own thread_local objects: the runtime keeps the thread's
// state until the thread has ended, so its profiled call is still recorded,
// as a root (runtime/thread_state.cpp).
struct ProfilesWhenDestroyed {
  bool armed = false;
  ~ProfilesWhenDestroyed() {
    if (armed) profiled(child_site, [] {});
  }
};
thread_local ProfilesWhenDestroyed profiles_when_destroyed;

TEST(Threads, ThreadLocalDestructorsRunAfterTheRuntimesOwnAreProfiledAsRoots) {
  auto capture = test::reset_profiler(test::example_config());
  std::thread thread([] {
    profiles_when_destroyed.armed = true;
    profiled(started_threads_root_sites[0], [] {});
  });
  thread.join();
  EXPECT_EQ(test::methods_of(capture->all_records()), (std::vector<std::string>{"Worker0:root", "Shared:child"}));
}

}  // namespace
}  // namespace phanos
