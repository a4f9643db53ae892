#pragma once
// What the profiler is configured with. Profiled calls read it from any
// thread while Profiler methods change it, so it is published as immutable
// snapshots: readers take the current one, writers copy, change and publish.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "log.hpp"
#include "phanos/config.hpp"
#include "phanos/handler.hpp"
#include "phanos/metric.hpp"
#include "phanos/metrics/response_size.hpp"
#include "phanos/metrics/time_profiler.hpp"

namespace phanos::detail {

struct RegisteredMetric {
  std::shared_ptr<Metric> metric;
  std::shared_ptr<ReportOnce> failures;  // of its cleanup()
};

struct RegisteredHandler {
  std::shared_ptr<Handler> handler;
  std::shared_ptr<ReportOnce> failures;  // of its handle()
};

struct Registry {
  bool configured = false;
  Config config;
  std::vector<RegisteredMetric> metrics;    // in the order added: records go out in it
  std::vector<RegisteredHandler> handlers;  // in the order added: handlers are called in it
  // The metric named ResponseSize::built_in_name, when it is a
  // ResponseSize: it measures roots' results.
  std::shared_ptr<ResponseSize> response_size;
};

std::shared_ptr<const Registry> registry_snapshot();

// Applies `change` to a copy of the current registry and publishes the copy.
// If `change` throws, nothing is published: no change is half-applied.
void change_registry(const std::function<void(Registry&)>& change);

// Cheap views of the current registry for the per-call and per-record paths,
// inline so that a call reads them with one load each. Kept by
// change_registry().
extern std::atomic<bool> error_raised_switch;
extern std::atomic<std::uint64_t> time_profiler_metric;

inline bool error_raised_label_enabled() noexcept { return error_raised_switch.load(std::memory_order_relaxed); }
// The id of the metric that times calls (named TimeProfiler::built_in_name, a
// TimeProfiler without labels of its own); 0 when there is none.
inline std::uint64_t time_profiler_id() noexcept { return time_profiler_metric.load(std::memory_order_relaxed); }

}  // namespace phanos::detail
