#pragma once
// The time_profiler histograms of a store, per job and method, with the
// series of every other label (error_raised, the program's own) added up:
// what the call tree is drawn from, and what TimingHistory keeps snapshots
// of. A method is "Item:root.child...", the call's path from its root.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "metric_store.hpp"

namespace phanos::prometheus {

struct MethodTiming {
  std::vector<std::uint64_t> bucket_counts;  // as Distribution's
  double total = 0;                          // milliseconds
  std::uint64_t count = 0;
  std::uint64_t errors = 0;  // calls with error_raised="true"
};

using JobTimings = std::map<std::string, MethodTiming>;   // by method
using MethodTimings = std::map<std::string, JobTimings>;  // by job

// From the histograms of time_profiler's type and units (histogram, "mS"),
// whatever name the store's naming gives them.
MethodTimings method_timings(const MetricStore& store);

// What happened between `earlier` and `later` (both of one store, `earlier`
// first): methods without calls in between are left out.
JobTimings timings_between(const JobTimings& later, const JobTimings& earlier);

}  // namespace phanos::prometheus
