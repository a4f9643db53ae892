#include "histogram_quantile.hpp"

#include <cmath>
#include <limits>

namespace phanos::prometheus {

double histogram_quantile(double q, const std::vector<double>& bounds, const std::vector<std::uint64_t>& counts) {
  if (std::isnan(q)) return std::numeric_limits<double>::quiet_NaN();
  if (q < 0) return -std::numeric_limits<double>::infinity();
  if (q > 1) return std::numeric_limits<double>::infinity();
  if (bounds.empty() || counts.size() != bounds.size() + 1) return std::numeric_limits<double>::quiet_NaN();

  std::uint64_t observations = 0;
  for (const std::uint64_t count : counts) observations += count;
  if (observations == 0) return std::numeric_limits<double>::quiet_NaN();

  const double rank = q * static_cast<double>(observations);
  double below = 0;  // cumulative count of the buckets before the current one
  for (std::size_t b = 0; b < bounds.size(); ++b) {
    const double cumulative = below + static_cast<double>(counts[b]);
    if (cumulative >= rank) {
      if (b == 0 && bounds[0] <= 0) return bounds[0];
      const double start = b == 0 ? 0 : bounds[b - 1];
      return start + (bounds[b] - start) * ((rank - below) / static_cast<double>(counts[b]));
    }
    below = cumulative;
  }
  return bounds.back();  // the rank is in the +Inf bucket
}

}  // namespace phanos::prometheus
