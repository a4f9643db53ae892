#pragma once
// The Prometheus name of a metric. Records do not carry the name a metric
// has in the program (Python phanos' wire format has only its type and
// units), so a metric is named after its units, with a suffix per type
// that keeps metrics of different types apart and never repeats the type
// (Prometheus' linter, promtool, refuses names that do):
//   counter    phanos_<units>_total          gauge  phanos_<units>
//   histogram  phanos_<units>_distribution   summary  phanos_<units>_observations
//   info       phanos_info (units "info"), else phanos_<units>_info
//   enum       phanos_state (units "enum"), else phanos_<units>_state
// except where a rule names it: histogram:mS is time_profiler and
// histogram:B is response_size, the two built-in metrics; the collector's
// --metric-name TYPE:UNITS=NAME and PrometheusHandler's metric_names add or
// replace rules. Names are sanitised.

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "incoming_record.hpp"

namespace phanos::prometheus {

class MetricNaming {
 public:
  MetricNaming();  // with the two built-in rules

  void name(MetricType type, std::string units, std::string name);
  std::string name_of(MetricType type, const std::string& units) const;

  // "TYPE:UNITS=NAME"; false when it is not one, with the problem in `error`.
  bool add_rule(std::string_view rule, std::string& error);
  // "TYPE:UNITS" and NAME apart, as PrometheusHandler's metric_names has them.
  bool add_rule(std::string_view type_and_units, std::string_view name, std::string& error);

 private:
  std::map<std::pair<MetricType, std::string>, std::string> rules_;
};

}  // namespace phanos::prometheus
