#pragma once
// The call tree of one job: a method "Item:root.child.grandchild" is the
// node grandchild under child under the root "Item:root". A node whose own
// method has no calls (its records were not kept) still holds its
// children; its total is theirs.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "method_timings.hpp"

namespace phanos::prometheus {

struct CallTreeNode {
  std::string name;  // "Item:root" for a root, else the method's own name
  std::string path;  // the method label: the path from the root
  std::uint64_t count = 0;
  std::uint64_t errors = 0;
  double total = 0;  // milliseconds
  double self = 0;   // total minus the children's totals
  // NaN without calls: total / count, and histogram_quantile() of 0.5, 0.95, 0.99.
  double mean = std::numeric_limits<double>::quiet_NaN();
  double p50 = mean, p95 = mean, p99 = mean;
  std::vector<CallTreeNode> children;  // by name
};

// The roots, by name; `bounds` are the histograms' bucket bounds.
std::vector<CallTreeNode> call_tree(const JobTimings& timings, const std::vector<double>& bounds);

}  // namespace phanos::prometheus
