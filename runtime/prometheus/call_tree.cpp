#include "call_tree.hpp"

#include <algorithm>

#include "histogram_quantile.hpp"

namespace phanos::prometheus {
namespace {

CallTreeNode& child_named(std::vector<CallTreeNode>& siblings, const std::string& name, const std::string& path) {
  const auto found =
      std::find_if(siblings.begin(), siblings.end(), [&](const auto& node) { return node.name == name; });
  if (found != siblings.end()) return *found;
  CallTreeNode node;
  node.name = name;
  node.path = path;
  return siblings.emplace_back(std::move(node));
}

// "Item:root.child": the root ends at the first dot after the item's colon
// (an item may hold dots: a namespace or module).
std::vector<std::string> path_parts(const std::string& method) {
  std::vector<std::string> parts;
  const std::size_t colon = method.find(':');
  std::size_t start = 0;
  std::size_t dot = method.find('.', colon == std::string::npos ? 0 : colon);
  while (dot != std::string::npos) {
    parts.push_back(method.substr(start, dot - start));
    start = dot + 1;
    dot = method.find('.', start);
  }
  parts.push_back(method.substr(start));
  return parts;
}

double total_of_children(const CallTreeNode& node) {
  double total = 0;
  for (const CallTreeNode& child : node.children) total += child.total;
  return total;
}

// Children first: a node without calls of its own takes their total.
void finish(CallTreeNode& node) {
  std::sort(node.children.begin(), node.children.end(),
            [](const CallTreeNode& a, const CallTreeNode& b) { return a.name < b.name; });
  for (CallTreeNode& child : node.children) finish(child);
  const double children = total_of_children(node);
  if (node.count == 0) node.total = children;
  node.self = std::max(0.0, node.total - children);
}

}  // namespace

std::vector<CallTreeNode> call_tree(const JobTimings& timings, const std::vector<double>& bounds) {
  CallTreeNode top;
  for (const auto& [method, timing] : timings) {
    CallTreeNode* node = &top;
    std::string path;
    for (const std::string& part : path_parts(method)) {
      path += path.empty() ? part : "." + part;
      node = &child_named(node->children, part, path);
    }
    node->count = timing.count;
    node->errors = timing.errors;
    node->total = timing.total;
    if (timing.count == 0) continue;
    node->mean = timing.total / static_cast<double>(timing.count);
    node->p50 = histogram_quantile(0.50, bounds, timing.bucket_counts);
    node->p95 = histogram_quantile(0.95, bounds, timing.bucket_counts);
    node->p99 = histogram_quantile(0.99, bounds, timing.bucket_counts);
  }
  finish(top);
  return std::move(top.children);
}

}  // namespace phanos::prometheus
