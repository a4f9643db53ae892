#pragma once
// What the collector has aggregated: per Prometheus metric (a family), one
// series per label set, each holding what Prometheus needs of it. Series are
// identified by job, item, method and the record's labels, in that order.
//
// Cardinality is bounded: a metric holds at most max_series_per_metric
// series (a record that would add one more is dropped and counted), and the
// store at most max_metrics metrics. Not thread-safe: the collector's
// Ingest and PrometheusHandler each say who may touch theirs.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "incoming_record.hpp"
#include "metric_naming.hpp"
#include "rejection.hpp"
#include "series_cache.hpp"

namespace phanos::prometheus {

// Histogram (with buckets) or summary (without): counts per bucket, not
// cumulative; the last counts what is above every bound.
struct Distribution {
  std::vector<std::uint64_t> bucket_counts;
  double sum = 0;
  std::uint64_t count = 0;
};

// Enum: every state seen for this series, in the order first seen; the
// record's state list is not on the wire, so states never seen have no series.
struct EnumStates {
  std::vector<std::string> seen;
  std::string current;
};

using InfoValue = LabelPairs;  // the latest info; sanitised names
using SeriesValue = std::variant<Distribution, double, InfoValue, EnumStates>;

struct Family {
  MetricType type;
  std::string units;
  std::map<LabelPairs, SeriesValue> series;
};

// Milliseconds, as time_profiler measures: 0.1 ms to 10 s. A function, not
// a variable: a PrometheusHandler made from PHANOS_CONFIG needs it while the
// core loads, before this library's variables are initialised.
std::vector<double> default_bucket_bounds();

struct StoreLimits {
  std::size_t max_series_per_metric = 10000;
  std::size_t max_metrics = 100;  // (type, units) pairs: a program has a handful
};

class MetricStore {
 public:
  // `bucket_bounds`: the histograms' upper bounds, increasing (+Inf implied).
  MetricStore(std::vector<double> bucket_bounds, MetricNaming naming, StoreLimits limits = {});

  enum class Outcome { applied, series_dropped, rejected };
  struct Result {
    Outcome outcome;
    std::string metric;   // the Prometheus name (empty when not named yet)
    Rejection rejection;  // when rejected
  };
  Result apply(const IncomingRecord& record);

  // Holds `families` instead, as a store made with `bucket_bounds` left
  // them (phanos-collector's state file), or says why they do not fit this
  // store: other bucket bounds, a metric this store names otherwise, a
  // series of the wrong shape, more than the limits.
  std::optional<std::string> restore(const std::vector<double>& bucket_bounds, std::map<std::string, Family> families);

  const std::map<std::string, Family>& families() const { return families_; }
  const std::vector<double>& bucket_bounds() const { return bucket_bounds_; }
  std::size_t series_count() const { return series_count_; }

 private:
  static bool is_number_operation(Operation operation);
  static void apply_number(SeriesValue& value, const IncomingRecord& record, const std::vector<double>& bounds);

  std::vector<double> bucket_bounds_;
  MetricNaming naming_;
  StoreLimits limits_;
  std::map<std::string, Family> families_;  // nodes stay put: the cache points into them
  std::size_t series_count_ = 0;
  SeriesCache<SeriesValue> recent_{100000};
};

}  // namespace phanos::prometheus
