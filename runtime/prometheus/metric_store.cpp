#include "metric_store.hpp"

#include <algorithm>
#include <optional>

#include "escaped_for_log.hpp"
#include "prometheus_text.hpp"

namespace phanos::prometheus {
namespace {

bool contains(const LabelPairs& labels, const std::string& name) {
  return std::any_of(labels.begin(), labels.end(), [&](const auto& label) { return label.first == name; });
}

// Adds `pairs` to `labels` under sanitised names. A name the collector
// already uses (job, item, method, le, the enum's own label, or an earlier
// one) gets "exported_" in front, as Prometheus renames clashing target
// labels; a clash that remains makes the record invalid.
std::optional<Rejection> add_sanitised(LabelPairs& labels, const LabelPairs& pairs,
                                       const std::vector<std::string>& reserved) {
  for (const auto& [raw_name, value] : pairs) {
    std::string name = sanitise_label_name(raw_name);
    if (contains(labels, name) || std::find(reserved.begin(), reserved.end(), name) != reserved.end())
      name.insert(0, "exported_");
    if (contains(labels, name) || std::find(reserved.begin(), reserved.end(), name) != reserved.end())
      return Rejection{RejectReason::wrong_shape,
                       "label \"" + detail::escaped_for_log(raw_name) + "\" clashes with another after sanitising"};
    labels.emplace_back(std::move(name), value);
  }
  return std::nullopt;
}

SeriesValue initial_value(MetricType type, std::size_t bucket_count) {
  switch (type) {
    case MetricType::histogram:
      return Distribution{std::vector<std::uint64_t>(bucket_count + 1), 0, 0};
    case MetricType::summary:
      return Distribution{};
    case MetricType::counter:
    case MetricType::gauge:
      return 0.0;
    case MetricType::info:
      return InfoValue{};
    case MetricType::enumeration:
      return EnumStates{};
  }
  return 0.0;
}

std::string joined(const std::vector<double>& bounds) {
  std::string out;
  for (const double bound : bounds) {
    if (!out.empty()) out += ',';
    append_number(out, bound);
  }
  return out;
}

// Why `value` cannot be a series of a metric of `type` with `bucket_count`
// histogram bounds: empty when it can.
std::string misshapen(const SeriesValue& value, MetricType type, std::size_t bucket_count) {
  const SeriesValue expected = initial_value(type, bucket_count);
  if (value.index() != expected.index()) return "a value of another type";
  const auto* distribution = std::get_if<Distribution>(&value);
  if (distribution && distribution->bucket_counts.size() != std::get<Distribution>(expected).bucket_counts.size())
    return std::to_string(distribution->bucket_counts.size()) + " bucket counts";
  return "";
}

}  // namespace

std::vector<double> default_bucket_bounds() {
  return {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
}

MetricStore::MetricStore(std::vector<double> bucket_bounds, MetricNaming naming, StoreLimits limits)
    : bucket_bounds_(std::move(bucket_bounds)), naming_(std::move(naming)), limits_(limits) {}

bool MetricStore::is_number_operation(Operation operation) {
  return operation == Operation::observe || operation == Operation::inc || operation == Operation::dec ||
         operation == Operation::set;
}

void MetricStore::apply_number(SeriesValue& value, const IncomingRecord& record, const std::vector<double>& bounds) {
  switch (record.operation) {
    case Operation::observe: {
      auto& distribution = std::get<Distribution>(value);
      if (!distribution.bucket_counts.empty()) {
        const auto bound = std::lower_bound(bounds.begin(), bounds.end(), record.number);
        ++distribution.bucket_counts[static_cast<std::size_t>(bound - bounds.begin())];
      }
      distribution.sum += record.number;
      ++distribution.count;
      break;
    }
    case Operation::inc:
      std::get<double>(value) += record.number;
      break;
    case Operation::dec:
      std::get<double>(value) -= record.number;
      break;
    case Operation::set:
      std::get<double>(value) = record.number;
      break;
    case Operation::info:
    case Operation::state:
      break;  // not numbers
  }
}

MetricStore::Result MetricStore::apply(const IncomingRecord& record) {
  const bool number = is_number_operation(record.operation);
  if (number) {
    if (const auto* seen = recent_.find(record)) {
      apply_number(*seen->value, record, bucket_bounds_);
      return {Outcome::applied, *seen->metric, {}};
    }
  }
  std::string name = naming_.name_of(record.type, record.units);
  auto family = families_.find(name);
  if (family == families_.end()) {
    if (families_.size() >= limits_.max_metrics)
      return {Outcome::rejected,
              name,
              {RejectReason::too_many_metrics,
               "metric " + name + " would be one more than " + std::to_string(limits_.max_metrics)}};
    family = families_.emplace(name, Family{record.type, record.units, {}}).first;
  } else if (family->second.type != record.type) {
    return {Outcome::rejected,
            name,
            {RejectReason::type_conflict, std::string("a ") + wire_name(record.type) + " record for " + name +
                                              ", which is a " + wire_name(family->second.type)}};
  }

  LabelPairs labels{{"job", record.job}, {"item", record.item}, {"method", record.method}};
  std::vector<std::string> reserved;
  if (record.type == MetricType::histogram) reserved.push_back("le");
  if (record.type == MetricType::enumeration) reserved.push_back(name);
  if (auto clash = add_sanitised(labels, record.labels, reserved)) return {Outcome::rejected, name, *clash};

  InfoValue info;
  if (record.type == MetricType::info) {
    LabelPairs taken = labels;  // info keys must not clash with the series' labels either
    if (auto clash = add_sanitised(taken, record.info, reserved)) return {Outcome::rejected, name, *clash};
    info.assign(taken.begin() + static_cast<std::ptrdiff_t>(labels.size()), taken.end());
  }

  auto& series = family->second.series;
  auto found = series.find(labels);
  if (found == series.end()) {
    if (series.size() >= limits_.max_series_per_metric) return {Outcome::series_dropped, name, {}};
    found = series.emplace(std::move(labels), initial_value(record.type, bucket_bounds_.size())).first;
    ++series_count_;
  }

  SeriesValue& value = found->second;
  if (number) {
    apply_number(value, record, bucket_bounds_);
    recent_.remember({&value, &family->first});
    return {Outcome::applied, std::move(name), {}};
  }
  switch (record.operation) {
    case Operation::observe:
    case Operation::inc:
    case Operation::dec:
    case Operation::set:
      break;  // above
    case Operation::info:
      std::get<InfoValue>(value) = std::move(info);
      break;
    case Operation::state: {
      auto& states = std::get<EnumStates>(value);
      if (std::find(states.seen.begin(), states.seen.end(), record.state) == states.seen.end()) {
        // Each state is a series of its own on /metrics: bounded alike.
        if (states.seen.size() >= limits_.max_series_per_metric) return {Outcome::series_dropped, name, {}};
        states.seen.push_back(record.state);
      }
      states.current = record.state;
      break;
    }
  }
  return {Outcome::applied, std::move(name), {}};
}

}  // namespace phanos::prometheus

namespace phanos::prometheus {

std::optional<std::string> MetricStore::restore(const std::vector<double>& bucket_bounds,
                                                std::map<std::string, Family> families) {
  if (bucket_bounds != bucket_bounds_)
    return "histogram bucket bounds " + joined(bucket_bounds) + ", not " + joined(bucket_bounds_);
  if (families.size() > limits_.max_metrics)
    return std::to_string(families.size()) + " metrics, more than " + std::to_string(limits_.max_metrics);
  std::size_t series_count = 0;
  for (const auto& [name, family] : families) {
    const std::string ours = naming_.name_of(family.type, family.units);
    if (ours != name)
      return "metric " + detail::escaped_for_log(name) + " (" + wire_name(family.type) + " in \"" +
             detail::escaped_for_log(family.units) + "\"), which is named " + ours + " here";
    if (family.series.size() > limits_.max_series_per_metric)
      return "metric " + name + " with " + std::to_string(family.series.size()) + " series, more than " +
             std::to_string(limits_.max_series_per_metric);
    for (const auto& [labels, value] : family.series) {
      if (const std::string problem = misshapen(value, family.type, bucket_bounds_.size()); !problem.empty())
        return "a series of metric " + name + " with " + problem;
      const auto* states = std::get_if<EnumStates>(&value);
      if (states && states->seen.size() > limits_.max_series_per_metric)
        return "metric " + name + " with " + std::to_string(states->seen.size()) + " states, more than " +
               std::to_string(limits_.max_series_per_metric);
    }
    series_count += family.series.size();
  }
  families_ = std::move(families);
  series_count_ = series_count;
  recent_.clear();
  return std::nullopt;
}

}  // namespace phanos::prometheus
