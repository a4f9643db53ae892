#pragma once
// GET /api/tree?job=J&window=W: a job's call tree within a time window, as
// JSON (docs/call-tree.md), for the call-tree page and for anyone else.
// Without `job`, the first job by name; without `window`, "all".
// An unknown window is a 400, an unknown job a 404, each with
// {"error": "..."} naming what was asked and what there is.
//
// Not thread-safe: whoever guards the store guards this too.

#include <string_view>

#include "http_message.hpp"
#include "metric_store.hpp"
#include "timing_history.hpp"

namespace phanos::prometheus {

class CallTreeApi {
 public:
  explicit CallTreeApi(SteadyTime start) : history_(start) {}

  // To be called every few seconds at least: keeps the windows' snapshots.
  void snapshot_if_due(const MetricStore& store, SteadyTime now);

  HttpAnswer answer(std::string_view query, const MetricStore& store, SteadyTime now) const;

 private:
  TimingHistory history_;
};

}  // namespace phanos::prometheus
