#include "phanos/metrics/time_profiler.hpp"

namespace phanos {

TimeProfiler::TimeProfiler(std::string name, std::string job, std::vector<std::string> label_names)
    : Histogram(std::move(name), std::move(job), "mS", std::move(label_names)) {}

}  // namespace phanos
