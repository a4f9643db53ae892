#pragma once
// Writes what the collector holds in Prometheus' text exposition format
// (0.0.4): metrics sorted by name, series by label values, so that the same
// state always gives the same text.
//
//   histogram  <name>_bucket{...,le="..."} (cumulative), <name>_sum, <name>_count
//   summary    <name>_sum, <name>_count (no quantiles: they cannot be merged)
//   counter    <name>_total (the family is named so too, as Prometheus'
//              own clients write it in this format)
//   gauge      <name>
//   info       <name>_info{...,key="value"} 1  (a gauge)
//   enum       <name>{...,<name>="state"} 1 for the current state, 0 for
//              the other states seen (a gauge)

#include <map>
#include <string>
#include <vector>

#include "metric_store.hpp"

namespace phanos::prometheus {

inline constexpr const char* exposition_content_type = "text/plain; version=0.0.4; charset=utf-8";

void write_exposition(std::string& out, const MetricStore& store);
// What a store held (phanos-collector's checkpoint, read back).
void write_exposition(std::string& out, const std::map<std::string, Family>& families,
                      const std::vector<double>& bucket_bounds);

}  // namespace phanos::prometheus
