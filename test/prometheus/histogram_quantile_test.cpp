// histogram_quantile(): the figures PromQL's histogram_quantile() gives for
// the same buckets (worked out by hand below from its interpolation).
#include <gtest/gtest.h>

#include <cmath>

#include "histogram_quantile.hpp"

namespace phanos::prometheus {
namespace {

const std::vector<double> quantile_bounds{1, 5, 10};

TEST(HistogramQuantile, InterpolatesLinearlyWithinTheBucketOfTheRank) {
  const std::vector<std::uint64_t> counts{2, 2, 1, 0};                        // 5 observations
  EXPECT_DOUBLE_EQ(histogram_quantile(0.5, quantile_bounds, counts), 2.0);    // rank 2.5: 1 + 4 × 0.5 / 2
  EXPECT_DOUBLE_EQ(histogram_quantile(0.95, quantile_bounds, counts), 8.75);  // rank 4.75: 5 + 5 × 0.75 / 1
}

TEST(HistogramQuantile, TheFirstBucketStartsAtZero) {
  EXPECT_DOUBLE_EQ(histogram_quantile(0.2, quantile_bounds, {2, 2, 1, 0}), 0.5);  // rank 1: 0 + 1 × 1 / 2
}

TEST(HistogramQuantile, ARankAboveEveryBoundGivesTheHighestFiniteBound) {
  EXPECT_DOUBLE_EQ(histogram_quantile(0.99, quantile_bounds, {1, 0, 0, 3}), 10.0);
}

TEST(HistogramQuantile, AFirstBoundNotAboveZeroIsTheAnswerInItsBucket) {
  EXPECT_DOUBLE_EQ(histogram_quantile(0.5, {-1, 5}, {2, 0, 0}), -1.0);
}

TEST(HistogramQuantile, NoObservationsOrQuantilesOutsideZeroToOneAsPromQL) {
  EXPECT_TRUE(std::isnan(histogram_quantile(0.5, quantile_bounds, {0, 0, 0, 0})));
  EXPECT_TRUE(std::isnan(histogram_quantile(0.5, {}, {4})));
  EXPECT_EQ(histogram_quantile(-0.1, quantile_bounds, {1, 0, 0, 0}), -INFINITY);
  EXPECT_EQ(histogram_quantile(1.5, quantile_bounds, {1, 0, 0, 0}), INFINITY);
}

}  // namespace
}  // namespace phanos::prometheus
