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

HttpAnswer error_answer(int status, const std::string& message) { return json_answer(status, {{"error", message}}); }

std::string names_of_windows() {
  std::string names;
  for (const TimeWindow& window : time_windows()) names += (names.empty() ? "" : ", ") + window.name;
  return names;
}

}  // namespace

void CallTreeApi::snapshot_if_due(const MetricStore& store, SteadyTime now) {
  history_.snapshot_if_due(now, [&] { return method_timings(store); });
}

HttpAnswer CallTreeApi::answer(std::string_view query, const MetricStore& store, SteadyTime now) const {
  const auto parameters = parse_query(query);
  const auto window_parameter = parameters.find("window");
  const std::string window_name = window_parameter == parameters.end() ? "all" : window_parameter->second;
  const std::optional<TimeWindow> window = time_window_named(window_name);
  if (!window)
    return error_answer(400, "unknown window \"" + window_name + "\": expected one of " + names_of_windows());

  const MethodTimings current = method_timings(store);
  json jobs = json::array();
  for (const auto& [job, _] : current) jobs.push_back(job);
  const auto job_parameter = parameters.find("job");
  std::string job = current.empty() ? "" : current.begin()->first;
  if (job_parameter != parameters.end()) {
    job = job_parameter->second;
    if (current.count(job) == 0)
      return error_answer(404, "unknown job \"" + job + "\": jobs seen are " + (jobs.empty() ? "none" : jobs.dump()));
  }

  const TimingHistory::Windowed windowed = history_.window(*window, job, current, now);
  json roots = json::array();
  for (const CallTreeNode& root : call_tree(windowed.timings, store.bucket_bounds())) roots.push_back(node_json(root));
  json windows = json::array();
  for (const TimeWindow& each : time_windows()) windows.push_back(each.name);
  const json tree{{"job", job},           {"jobs", std::move(jobs)},
                  {"window", window->name}, {"windows", std::move(windows)},
                  {"window_seconds", windowed.seconds}, {"unit", "ms"},
                  {"roots", std::move(roots)}};
  return json_answer(200, tree);
}

}  // namespace phanos::prometheus
