#pragma once

#include <string_view>

#include "phanos/metrics/histogram.hpp"

namespace phanos {

// The built-in metric that times profiled calls, in milliseconds. The
// profiler creates it as `built_in_name` when Config::time_profile is on.
class TimeProfiler : public Histogram {
 public:
  static constexpr std::string_view built_in_name = "time_profiler";

  TimeProfiler(std::string name, std::string job, std::vector<std::string> label_names = {});
};

}  // namespace phanos
