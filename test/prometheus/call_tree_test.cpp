// call_tree(): methods "Item:root.child..." as a tree, with self time and
// quantiles per node.
#include <gtest/gtest.h>

#include <cmath>

#include "call_tree.hpp"

namespace phanos::prometheus {
namespace {

MethodTiming timing(std::uint64_t count, double total, std::uint64_t errors = 0,
                    std::vector<std::uint64_t> buckets = {}) {
  if (buckets.empty()) buckets = {0, count, 0};  // every call between 1 and 10 ms
  return {std::move(buckets), total, count, errors};
}

const std::vector<double> bounds{1, 10};

TEST(CallTree, MethodsNestUnderTheirCallersAndSelfIsTotalLessTheChildren) {
  const JobTimings timings{{"Service:handle", timing(7, 70, 2)},
                           {"Service:handle.child", timing(7, 40, 2)},
                           {"Service:handle.child.leaf", timing(3, 10)},
                           {"Service:handle.other", timing(1, 5)}};
  const std::vector<CallTreeNode> roots = call_tree(timings, bounds);
  ASSERT_EQ(roots.size(), 1u);
  const CallTreeNode& handle = roots[0];
  EXPECT_EQ(handle.name, "Service:handle");
  EXPECT_EQ(handle.count, 7u);
  EXPECT_EQ(handle.errors, 2u);
  EXPECT_DOUBLE_EQ(handle.total, 70);
  EXPECT_DOUBLE_EQ(handle.self, 25);  // 70 - 40 - 5
  EXPECT_DOUBLE_EQ(handle.mean, 10);
  ASSERT_EQ(handle.children.size(), 2u);
  EXPECT_EQ(handle.children[0].name, "child");
  EXPECT_EQ(handle.children[0].path, "Service:handle.child");
  EXPECT_DOUBLE_EQ(handle.children[0].self, 30);
  ASSERT_EQ(handle.children[0].children.size(), 1u);
  EXPECT_EQ(handle.children[0].children[0].path, "Service:handle.child.leaf");
  EXPECT_DOUBLE_EQ(handle.children[0].children[0].self, 10);
  EXPECT_EQ(handle.children[1].name, "other");
}

TEST(CallTree, QuantilesComeFromTheBuckets) {
  const std::vector<CallTreeNode> roots = call_tree({{"S:f", timing(4, 8, 0, {2, 2, 0})}}, bounds);
  EXPECT_DOUBLE_EQ(roots[0].p50, 1);      // rank 2: the end of the first bucket
  EXPECT_NEAR(roots[0].p95, 9.1, 1e-9);   // rank 3.8: 1 + 9 × 1.8 / 2
  EXPECT_NEAR(roots[0].p99, 9.82, 1e-9);  // rank 3.96: 1 + 9 × 1.96 / 2
}

TEST(CallTree, ACallerWithoutRecordsOfItsOwnHoldsItsChildren) {
  const std::vector<CallTreeNode> roots = call_tree({{"Worker:run.step", timing(2, 6)}}, bounds);
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0].name, "Worker:run");
  EXPECT_EQ(roots[0].count, 0u);
  EXPECT_DOUBLE_EQ(roots[0].total, 6);
  EXPECT_DOUBLE_EQ(roots[0].self, 0);
  EXPECT_TRUE(std::isnan(roots[0].mean));
  EXPECT_TRUE(std::isnan(roots[0].p95));
  EXPECT_EQ(roots[0].children.at(0).count, 2u);
}

TEST(CallTree, RootsAreSortedAndAnItemMayHoldDots) {
  const std::vector<CallTreeNode> roots =
      call_tree({{"pkg.Service:b.c", timing(1, 1)}, {"pkg.Service:b", timing(1, 2)}, {"A:a", timing(1, 1)}}, bounds);
  ASSERT_EQ(roots.size(), 2u);
  EXPECT_EQ(roots[0].name, "A:a");
  EXPECT_EQ(roots[1].name, "pkg.Service:b");
  ASSERT_EQ(roots[1].children.size(), 1u);
  EXPECT_EQ(roots[1].children[0].name, "c");
  EXPECT_EQ(roots[1].children[0].path, "pkg.Service:b.c");
}

}  // namespace
}  // namespace phanos::prometheus
