#include "method_timings.hpp"

#include <algorithm>

namespace phanos::prometheus {
namespace {

const std::string* label_value(const LabelPairs& labels, const std::string& name) {
  const auto found = std::find_if(labels.begin(), labels.end(), [&](const auto& label) { return label.first == name; });
  return found == labels.end() ? nullptr : &found->second;
}

void add(MethodTiming& timing, const Distribution& distribution, bool raised) {
  if (timing.bucket_counts.size() < distribution.bucket_counts.size())
    timing.bucket_counts.resize(distribution.bucket_counts.size());
  for (std::size_t i = 0; i < distribution.bucket_counts.size(); ++i)
    timing.bucket_counts[i] += distribution.bucket_counts[i];
  timing.total += distribution.sum;
  timing.count += distribution.count;
  if (raised) timing.errors += distribution.count;
}

}  // namespace

MethodTimings method_timings(const MetricStore& store) {
  MethodTimings timings;
  for (const auto& [name, family] : store.families()) {
    if (family.type != MetricType::histogram || family.units != "mS") continue;
    for (const auto& [labels, value] : family.series) {
      const std::string* job = label_value(labels, "job");
      const std::string* method = label_value(labels, "method");
      const std::string* raised = label_value(labels, "error_raised");
      if (!job || !method) continue;
      add(timings[*job][*method], std::get<Distribution>(value), raised && *raised == "true");
    }
  }
  return timings;
}

JobTimings timings_between(const JobTimings& later, const JobTimings& earlier) {
  JobTimings between;
  for (const auto& [method, now] : later) {
    const auto before = earlier.find(method);
    if (before == earlier.end()) {
      if (now.count > 0) between.emplace(method, now);
      continue;
    }
    if (now.count == before->second.count) continue;
    MethodTiming difference = now;
    for (std::size_t i = 0; i < difference.bucket_counts.size() && i < before->second.bucket_counts.size(); ++i)
      difference.bucket_counts[i] -= before->second.bucket_counts[i];
    difference.total -= before->second.total;
    difference.count -= before->second.count;
    difference.errors -= before->second.errors;
    between.emplace(method, std::move(difference));
  }
  return between;
}

}  // namespace phanos::prometheus
