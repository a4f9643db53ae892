#include "call_tree_api.hpp"

#include <nlohmann/json.hpp>

#include "call_tree.hpp"
#include "query_string.hpp"

namespace phanos::prometheus {
namespace {

using nlohmann::json;

// NaN (no calls) is written as null.
json node_json(const CallTreeNode& node) {
  json children = json::array();
  for (const CallTreeNode& child : node.children) children.push_back(node_json(child));
  return {{"name", node.name},
          {"path", node.path},
          {"count", node.count},
          {"errors", node.errors},
          {"error_share", node.count == 0 ? json() : json(static_cast<double>(node.errors) / node.count)},
          {"total", node.total},
          {"self", node.self},
          {"mean", node.mean},
          {"p50", node.p50},
          {"p95", node.p95},
          {"p99", node.p99},
          {"children", std::move(children)}};
}

// Replacing what is not UTF-8: a method, job or query that is not must not fail the answer.
HttpAnswer json_answer(int status, const json& body) {
  return {status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"};
}

std::string names_of_windows() {
  std::string names;
  for (const TimeWindow& window : time_windows()) names += (names.empty() ? "" : ", ") + window.name;
  return names;
}

}  // namespace

void CallTreeApi::snapshot_if_due(const MetricStore& store, SteadyTime now) {
  history_.snapshot_if_due(now, [&] { return method_timings(store); });
}

TreeSelection CallTreeApi::select(std::string_view query, const MetricStore& store, SteadyTime now) const {
  TreeSelection selection;
  const auto parameters = parse_query(query);
  const auto window_parameter = parameters.find("window");
  const std::string window_name = window_parameter == parameters.end() ? "all" : window_parameter->second;
  const std::optional<TimeWindow> window = time_window_named(window_name);
  if (!window) {
    selection.status = 400;
    selection.error = "unknown window \"" + window_name + "\": expected one of " + names_of_windows();
    return selection;
  }
  selection.window = *window;

  const MethodTimings current = method_timings(store);
  for (const auto& [job, _] : current) selection.jobs.push_back(job);
  const auto job_parameter = parameters.find("job");
  selection.job = current.empty() ? "" : current.begin()->first;
  if (job_parameter != parameters.end()) {
    selection.job = job_parameter->second;
    if (current.count(selection.job) == 0) {
      selection.status = 404;
      selection.error = "unknown job \"" + selection.job + "\": jobs seen are " +
                        (selection.jobs.empty() ? "none" : json(selection.jobs).dump());
      return selection;
    }
  }
  TimingHistory::Windowed windowed = history_.window(*window, selection.job, current, now);
  selection.timings = std::move(windowed.timings);
  selection.window_seconds = windowed.seconds;
  selection.bounds = store.bucket_bounds();
  return selection;
}

HttpAnswer CallTreeApi::answer(std::string_view query, const MetricStore& store, SteadyTime now) const {
  return tree_answer(select(query, store, now));
}

HttpAnswer tree_answer(const TreeSelection& selection) {
  if (selection.status != 200) return json_answer(selection.status, {{"error", selection.error}});
  json roots = json::array();
  for (const CallTreeNode& root : call_tree(selection.timings, selection.bounds)) roots.push_back(node_json(root));
  json windows = json::array();
  for (const TimeWindow& each : time_windows()) windows.push_back(each.name);
  return json_answer(200, {{"job", selection.job},
                           {"jobs", selection.jobs},
                           {"window", selection.window.name},
                           {"windows", std::move(windows)},
                           {"window_seconds", selection.window_seconds},
                           {"unit", "ms"},
                           {"roots", std::move(roots)}});
}

}  // namespace phanos::prometheus
