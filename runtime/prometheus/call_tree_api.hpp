#pragma once
// GET /api/tree?job=J&window=W: a job's call tree within a time window, as
// JSON (docs/call-tree.md), for the call-tree page and for anyone else.
// Without `job`, the first job by name; without `window`, "all".
// An unknown window is a 400, an unknown job a 404, each with
// {"error": "..."} naming what was asked and what there is.
//
// Not thread-safe: whoever guards the store guards this too.

#include <string>
#include <string_view>
#include <vector>

#include "http_message.hpp"
#include "metric_store.hpp"
#include "timing_history.hpp"

namespace phanos::prometheus {

// What an answer is made of, copied out of the store: an owner that guards
// the store with a lock (the collector's Ingest) holds it only for
// select(), and builds the tree and its JSON with tree_answer() after.
struct TreeSelection {
  int status = 200;  // 400 or 404 with `error`, and nothing else
  std::string error;
  std::string job;
  std::vector<std::string> jobs;
  TimeWindow window;
  double window_seconds = 0;
  JobTimings timings;  // the job's, within the window
  std::vector<double> bounds;
};

class CallTreeApi {
 public:
  explicit CallTreeApi(SteadyTime start) : history_(start) {}

  // To be called every few seconds at least: keeps the windows' snapshots.
  void snapshot_if_due(const MetricStore& store, SteadyTime now);

  TreeSelection select(std::string_view query, const MetricStore& store, SteadyTime now) const;
  HttpAnswer answer(std::string_view query, const MetricStore& store, SteadyTime now) const;

 private:
  TimingHistory history_;
};

HttpAnswer tree_answer(const TreeSelection& selection);

}  // namespace phanos::prometheus
