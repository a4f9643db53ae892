#pragma once

#include "phanos/metrics/histogram.hpp"

namespace phanos {

// The built-in metric that times profiled calls, in milliseconds. The
// profiler creates it as "time_profiler" when Config::time_profile is on.
class TimeProfiler : public Histogram {
 public:
  TimeProfiler(std::string name, std::string job, std::vector<std::string> label_names = {});
};

}  // namespace phanos
