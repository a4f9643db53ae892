// TimingHistory: the windows of the last minutes from periodic snapshots,
// their memory bounded.
#include <gtest/gtest.h>

#include "timing_history.hpp"

namespace phanos::prometheus {
namespace {

using std::chrono::seconds;

const SteadyTime start{};

MethodTimings calls(std::uint64_t count) { return {{"app", {{"S:f", {{count}, 2.0 * count, count, 0}}}}}; }

TimeWindow named(const char* name) { return *time_window_named(name); }

TEST(TimingHistory, AWindowIsNowLessTheNewestSnapshotAtLeastThatOld) {
  TimingHistory history(start);
  history.snapshot_if_due(start + seconds(15), [] { return calls(2); });
  const auto minute = history.window(named("1m"), "app", calls(5), start + seconds(75));
  EXPECT_EQ(minute.timings.at("S:f").count, 3u);  // since the snapshot 60 s old
  EXPECT_DOUBLE_EQ(minute.timings.at("S:f").total, 6);
  EXPECT_DOUBLE_EQ(minute.seconds, 60);
}

TEST(TimingHistory, AWindowLongerThanTheHistoryCoversItAndSaysHowLongItIs) {
  TimingHistory history(start);
  history.snapshot_if_due(start + seconds(15), [] { return calls(2); });
  const auto five = history.window(named("5m"), "app", calls(5), start + seconds(75));
  EXPECT_EQ(five.timings.at("S:f").count, 5u);
  EXPECT_DOUBLE_EQ(five.seconds, 75);
  const auto all = history.window(named("all"), "app", calls(5), start + seconds(75));
  EXPECT_EQ(all.timings.at("S:f").count, 5u);
  EXPECT_TRUE(history.window(named("all"), "other job", calls(5), start).timings.empty());
}

TEST(TimingHistory, SnapshotsAreTakenOnlyWhenDueAndAtMostMaxSnapshotsAreKept) {
  TimingHistory history(start);
  int gathered = 0;
  history.snapshot_if_due(start + seconds(14), [&] { return ++gathered, calls(1); });
  EXPECT_EQ(gathered, 0);
  for (int i = 1; i <= 200; ++i) history.snapshot_if_due(start + seconds(15 * i), [&] { return ++gathered, calls(i); });
  EXPECT_EQ(gathered, 200);
  EXPECT_EQ(history.snapshots(), TimingHistory::max_snapshots);
  // 15 minutes back from the last is still there: 15m is a true window.
  const auto quarter = history.window(named("15m"), "app", calls(200), start + seconds(15 * 200));
  EXPECT_DOUBLE_EQ(quarter.seconds, 900);
  EXPECT_EQ(quarter.timings.at("S:f").count, 60u);
}

TEST(TimingHistory, WindowsAreNamedAllAndMinutes) {
  std::vector<std::string> names;
  for (const TimeWindow& window : time_windows()) names.push_back(window.name);
  EXPECT_EQ(names, (std::vector<std::string>{"all", "1m", "5m", "15m"}));
  EXPECT_FALSE(time_window_named("2m"));
}

}  // namespace
}  // namespace phanos::prometheus
