// Many threads profile at once: every record arrives exactly once, in its own
// thread's context, and text lines from concurrent hand-overs stay whole.
// Part of the ThreadSanitizer stage (scripts/test.sh tsan).

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace phanos {
namespace {

using test::profiled;

constexpr int thread_count = 8;
constexpr int roots_per_thread = 100;
// More than the 100 waiting records that make a root hand over early.
constexpr int children_of_wide_root = 250;

// One item per thread, so a record's context shows which tree it is from.
constexpr detail::Site root_sites[thread_count] = {
    {"root", "Worker0", "Worker0::root", "s.cpp", 1}, {"root", "Worker1", "Worker1::root", "s.cpp", 1},
    {"root", "Worker2", "Worker2::root", "s.cpp", 1}, {"root", "Worker3", "Worker3::root", "s.cpp", 1},
    {"root", "Worker4", "Worker4::root", "s.cpp", 1}, {"root", "Worker5", "Worker5::root", "s.cpp", 1},
    {"root", "Worker6", "Worker6::root", "s.cpp", 1}, {"root", "Worker7", "Worker7::root", "s.cpp", 1},
};
constexpr detail::Site a_site{"a", "Shared", "Shared::a", "s.cpp", 2};
constexpr detail::Site b_site{"b", "Shared", "Shared::b", "s.cpp", 3};
constexpr detail::Site leaf_site{"leaf", "Shared", "Shared::leaf", "s.cpp", 4};

// Counts records per "metric method", from any thread.
class CountingHandler : public Handler {
 public:
  using Handler::Handler;
  void handle(const std::vector<Record>& records, std::string_view metric_name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Record& record : records) ++counts_[std::string(metric_name) + " " + record.method];
  }
  std::map<std::string, int> counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, int> counts_;
};

// root: a (leaf), a (leaf), b (counts once)
void profile_one_tree(const detail::Site& root, Counter& counter) {
  profiled(root, [&] {
    for (int i = 0; i < 2; ++i) profiled(a_site, [] { profiled(leaf_site, [] {}); });
    profiled(b_site, [&] { counter.inc(1); });
  });
}

void profile_wide_tree(const detail::Site& root) {
  profiled(root, [] {
    for (int i = 0; i < children_of_wide_root; ++i) profiled(leaf_site, [] {});
  });
}

TEST(ThreadsStress, EveryRecordArrivesOnceInItsThreadsContextAndLinesStayWhole) {
  test::reset_profiler(test::example_config());
  profiler().delete_handlers();
  auto counting = std::make_shared<CountingHandler>("counting");
  std::ostringstream text;
  profiler().add_handler(counting);
  profiler().add_handler(std::make_shared<StreamHandler>("text", text));
  auto counter = std::make_shared<Counter>("calls", "EXAMPLE", "n");
  profiler().add_metric(counter);

  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([t, &counter] {
      for (int i = 0; i < roots_per_thread; ++i) profile_one_tree(root_sites[t], *counter);
      profile_wide_tree(root_sites[t]);
    });
  }
  for (std::thread& thread : threads) thread.join();

  std::map<std::string, int> expected;
  for (int t = 0; t < thread_count; ++t) {
    const std::string root = "Worker" + std::to_string(t) + ":root";
    expected["time_profiler " + root] = roots_per_thread + 1;
    expected["time_profiler " + root + ".a"] = 2 * roots_per_thread;
    expected["time_profiler " + root + ".a.leaf"] = 2 * roots_per_thread;
    expected["time_profiler " + root + ".b"] = roots_per_thread;
    expected["calls " + root + ".b"] = roots_per_thread;
    expected["time_profiler " + root + ".leaf"] = children_of_wide_root;
  }
  EXPECT_EQ(counting->counts(), expected);

  // The same records as text: whole lines only, as many per context.
  const std::regex line(R"(profiler: (time_profiler|calls), method: (Worker\d:root[.a-z]*), value: [0-9.]+ (mS|n))");
  std::map<std::string, int> lines;
  std::istringstream in(text.str());
  for (std::string text_line; std::getline(in, text_line);) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(text_line, match, line)) << text_line;
    ++lines[match[1].str() + " " + match[2].str()];
  }
  EXPECT_EQ(lines, expected);
}

}  // namespace
}  // namespace phanos
