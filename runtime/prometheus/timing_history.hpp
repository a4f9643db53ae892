#pragma once
// Snapshots of the method timings taken every snapshot_interval, so that
// the call tree can show the last 1, 5 or 15 minutes as well as everything
// since the start: a window is the timings now minus those of the newest
// snapshot at least that old.
//
// Memory is bounded: at most max_snapshots (61: 15 minutes and one) are
// kept, the oldest dropped first, each at most one entry per time_profiler
// series of the store (itself capped by its max_series_per_metric).

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "method_timings.hpp"

namespace phanos::prometheus {

using SteadyTime = std::chrono::steady_clock::time_point;

struct TimeWindow {
  std::string name;                // as the API names it: "all", "1m", ...
  std::chrono::seconds length{0};  // 0: since the start
};

const std::vector<TimeWindow>& time_windows();
std::optional<TimeWindow> time_window_named(std::string_view name);

class TimingHistory {
 public:
  static constexpr std::chrono::seconds snapshot_interval{15};
  static constexpr std::size_t max_snapshots = 15 * 60 / 15 + 1;

  // The store's timings at `now` (empty at the start) are the first snapshot.
  explicit TimingHistory(SteadyTime now, MethodTimings at_start = {});

  // Keeps a snapshot of `current()` when snapshot_interval has passed since
  // the last (only then are the timings gathered).
  void snapshot_if_due(SteadyTime now, const std::function<MethodTimings()>& current);

  struct Windowed {
    JobTimings timings;
    double seconds;  // how long the window really is: shorter while the history is
  };
  // `job`'s timings within `window`, given the timings `current` at `now`.
  Windowed window(const TimeWindow& window, const std::string& job, const MethodTimings& current, SteadyTime now) const;

  std::size_t snapshots() const { return snapshots_.size(); }

 private:
  struct Snapshot {
    SteadyTime taken;
    MethodTimings timings;
  };
  SteadyTime start_;
  std::deque<Snapshot> snapshots_;  // oldest first
};

}  // namespace phanos::prometheus
