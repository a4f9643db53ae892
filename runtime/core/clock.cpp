#include "clock.hpp"

#include <fstream>
#include <string>

namespace phanos::detail {
namespace {

bool kernel_keeps_time_with_tsc() {
#if defined(__x86_64__)
  std::ifstream clocksource("/sys/devices/system/clocksource/clocksource0/current_clocksource");
  std::string name;
  return clocksource >> name && name == "tsc";
#else
  return false;
#endif
}

}  // namespace

// Defined ahead of the anchor below: initialised first.
const bool ticks_are_tsc = kernel_keeps_time_with_tsc();

namespace {

struct Anchor {
  Ticks ticks;
  std::chrono::steady_clock::time_point time;
};

// Taken when the runtime is loaded, before any call is timed: every timed
// interval lies within the calibration interval, so the error of reading the
// two clocks one after the other (tens of nanoseconds) is never more than
// that in any converted duration.
const Anchor& anchor() {
  static const Anchor taken{clock_ticks(), std::chrono::steady_clock::now()};
  return taken;
}
[[maybe_unused]] const Anchor& anchor_at_load = anchor();

}  // namespace

double milliseconds_per_tick() noexcept {
  if (!ticks_are_tsc) return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::duration(1)).count();
  // Measured again once the counter has moved on by this much (a few
  // milliseconds), not at every hand-over: a program whose every call is a
  // root would otherwise pay a steady_clock read per call.
  constexpr Ticks remeasure_after = Ticks{1} << 23;
  thread_local Ticks measured_at = 0;
  thread_local double measured = 0;
  const Ticks ticks = clock_ticks();
  if (measured > 0 && ticks - measured_at < remeasure_after) return measured;
  const auto time = std::chrono::steady_clock::now();
  const Anchor& start = anchor();
  const double milliseconds = std::chrono::duration<double, std::milli>(time - start.time).count();
  const Ticks elapsed = ticks - start.ticks;
  if (elapsed <= 0) return 0.0;
  measured_at = ticks;
  measured = milliseconds / static_cast<double>(elapsed);
  return measured;
}

}  // namespace phanos::detail
