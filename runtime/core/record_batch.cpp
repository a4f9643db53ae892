#include "record_batch.hpp"

#include <string_view>
#include <utility>

#include "context_node.hpp"

namespace phanos::detail {

[[gnu::noinline]] void RecordBatch::add_origin() { origins_.emplace_back(); }

void RecordBatch::reserve(std::size_t count) {
  records_.reserve(count);
  origins_.reserve(count);
}

bool RecordBatch::made_from(std::size_t slot, const Origin& origin) noexcept {
  if (origins_[slot] == origin) return true;
  origins_[slot] = origin;
  return false;
}

void RecordBatch::fill_from(Record& record, const Metric& metric, const ContextNode& node) {
  record.item.assign(node.item);
  record.metric.assign(metric.metric_type());
  record.units.assign(metric.units());
  record.job.assign(metric.job());
  record.method.assign(node.context);
}

void RecordBatch::write_time(const Metric& metric, const ContextNode& node, double milliseconds,
                             ErrorRaised error_raised) {
  const std::size_t slot = next_slot();
  Record& record = records_[slot];
  set_number(record.value, milliseconds);
  if (made_from(slot, Origin(node, 0, error_raised, NumberOperation::observe))) return;
  fill_from(record, metric, node);
  if (error_raised == ErrorRaised::not_labelled) {
    record.labels.clear();
  } else {
    record.labels.resize(1);
    record.labels[0].first.assign(error_raised_label_name);
    record.labels[0].second.assign(error_raised == ErrorRaised::yes ? "true" : "false");
  }
  record.operation.assign("observe");
}

void RecordBatch::write_observation(const Metric& metric, const ContextNode& node, ErrorRaised error_raised,
                                    const WaitingObservation& observation) {
  const std::size_t slot = next_slot();
  Record& record = records_[slot];
  set_number(record.value, observation.value);
  const LabelSet& labels = *observation.labels;
  if (made_from(slot, Origin(node, labels.serial, error_raised, observation.operation))) return;
  fill_from(record, metric, node);
  const std::vector<std::uint32_t>& positions = labels.order->positions;
  record.labels.resize(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    record.labels[i].first.assign(label_name(metric.label_names(), positions[i]));
    record.labels[i].second.assign(labels.value(i));
  }
  if (error_raised != ErrorRaised::not_labelled) set_error_raised(record.labels, error_raised == ErrorRaised::yes);
  record.operation.assign(operation_name(observation.operation));
}

void RecordBatch::add(Record& record) {
  const std::size_t slot = next_slot();
  // Member by member: std::swap of whole Records would move each member
  // three times.
  Record& taken = records_[slot];
  taken.item.swap(record.item);
  taken.metric.swap(record.metric);
  taken.units.swap(record.units);
  taken.job.swap(record.job);
  taken.method.swap(record.method);
  taken.labels.swap(record.labels);
  taken.operation.swap(record.operation);
  taken.value.swap(record.value);
  origins_[slot] = Origin{};
}

const std::vector<Record>& RecordBatch::finish() { return records_.added(); }

}  // namespace phanos::detail
