#include "timing_history.hpp"

namespace phanos::prometheus {

const std::vector<TimeWindow>& time_windows() {
  static const std::vector<TimeWindow> windows{{"all", std::chrono::seconds(0)},
                                               {"1m", std::chrono::minutes(1)},
                                               {"5m", std::chrono::minutes(5)},
                                               {"15m", std::chrono::minutes(15)}};
  return windows;
}

std::optional<TimeWindow> time_window_named(std::string_view name) {
  for (const TimeWindow& window : time_windows()) {
    if (window.name == name) return window;
  }
  return std::nullopt;
}

TimingHistory::TimingHistory(SteadyTime now, MethodTimings at_start) : start_(now) {
  snapshots_.push_back({now, std::move(at_start)});
}

void TimingHistory::snapshot_if_due(SteadyTime now, const std::function<MethodTimings()>& current) {
  if (now - snapshots_.back().taken < snapshot_interval) return;
  if (snapshots_.size() == max_snapshots) snapshots_.pop_front();
  snapshots_.push_back({now, current()});
}

TimingHistory::Windowed TimingHistory::window(const TimeWindow& window, const std::string& job,
                                              const MethodTimings& current, SteadyTime now) const {
  static const JobTimings none;
  const auto in = [&](const MethodTimings& timings) -> const JobTimings& {
    const auto found = timings.find(job);
    return found == timings.end() ? none : found->second;
  };
  const auto seconds_since = [&](SteadyTime time) { return std::chrono::duration<double>(now - time).count(); };
  if (window.length.count() == 0) return {in(current), seconds_since(start_)};

  // The newest snapshot at least window.length old; the oldest kept if
  // none is (the history is younger than the window).
  const Snapshot* from = &snapshots_.front();
  for (const Snapshot& snapshot : snapshots_) {
    if (now - snapshot.taken < window.length) break;
    from = &snapshot;
  }
  return {timings_between(in(current), in(from->timings)), seconds_since(from->taken)};
}

}  // namespace phanos::prometheus
