#pragma once
// The q-quantile of a histogram, interpolated exactly as PromQL's
// histogram_quantile() does for classic buckets, so that the call-tree page
// and a Grafana panel over the same series agree: find the bucket where the
// rank q × count falls, then interpolate linearly within it (from 0 for the
// first bucket); a rank in the +Inf bucket gives the highest finite bound.

#include <cstdint>
#include <vector>

namespace phanos::prometheus {

// `bounds`: the finite upper bounds, increasing; `counts`: per bucket, not
// cumulative, one more than `bounds` (the last is above every bound), as
// MetricStore keeps them. NaN without observations or without a finite
// bound, -Inf for q < 0, +Inf for q > 1 (as PromQL).
double histogram_quantile(double q, const std::vector<double>& bounds, const std::vector<std::uint64_t>& counts);

}  // namespace phanos::prometheus
