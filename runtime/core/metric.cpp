#include "phanos/metric.hpp"

#include <algorithm>
#include <array>
#include <atomic>

#include "context_node.hpp"
#include "error_raised_label.hpp"
#include "label_sets.hpp"
#include "log.hpp"
#include "number_operation.hpp"
#include "phanos/detail/call_scope.hpp"
#include "registry.hpp"
#include "thread_state.hpp"
#include "waiting_records.hpp"

namespace phanos {
namespace {

std::atomic<std::uint64_t> next_metric_id{1};

// Label names form a set, as in Python; keep the first of duplicates.
std::vector<std::string> distinct(std::vector<std::string> names) {
  std::vector<std::string> kept;
  for (std::string& name : names) {
    if (std::find(kept.begin(), kept.end(), name) == kept.end()) kept.push_back(std::move(name));
  }
  return kept;
}

std::vector<std::string> sorted_names(std::vector<std::string> names, bool with_error_raised) {
  if (with_error_raised && std::find(names.begin(), names.end(), error_raised_label_name) == names.end()) {
    names.emplace_back(error_raised_label_name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The usual case, checked first: labels given in the order the metric
// declared them (its names are distinct, so this is the same set).
bool in_declared_order(const std::vector<std::string>& declared, const Labels& labels) {
  if (labels.size() != declared.size()) return false;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].first != declared[i]) return false;
  }
  return true;
}

// Compares as sets, as Python does; given names must also be distinct. The
// error_raised label counts as given when the profiler adds it.
bool same_label_names(const std::vector<std::string>& expected_sorted, const Labels& labels, bool with_error_raised) {
  bool error_raised_given = false;
  for (const auto& label : labels) error_raised_given = error_raised_given || label.first == error_raised_label_name;
  const std::size_t count = labels.size() + (with_error_raised && !error_raised_given ? 1 : 0);
  if (count != expected_sorted.size()) return false;
  // On the stack for the usual handful of labels: no allocation per record.
  constexpr std::size_t on_stack = 32;
  std::array<std::string_view, on_stack> small;
  std::vector<std::string_view> large(count > on_stack ? count : 0);
  std::string_view* given = count > on_stack ? large.data() : small.data();
  std::size_t n = 0;
  for (const auto& label : labels) given[n++] = label.first;
  if (n < count) given[n++] = error_raised_label_name;
  std::sort(given, given + count);
  return std::equal(given, given + count, expected_sorted.begin());
}

std::string names_text(const std::vector<std::string_view>& names) {
  std::string text = "{";
  for (std::string_view name : names) {
    if (text.size() > 1) text += ", ";
    text += detail::escaped_for_log(name);
  }
  return text + "}";
}

}  // namespace

namespace detail {
std::uint64_t metric_id(const Metric& metric) noexcept { return metric.id_; }
}  // namespace detail

Metric::Metric(std::string name, std::string job, std::string units, std::vector<std::string> label_names)
    : id_(next_metric_id.fetch_add(1, std::memory_order_relaxed)),
      name_(std::move(name)),
      job_(std::move(job)),
      units_(std::move(units)),
      label_names_(distinct(std::move(label_names))),
      sorted_label_names_{sorted_names(label_names_, false), sorted_names(label_names_, true)} {}

Metric::~Metric() = default;

const std::string& Metric::name() const noexcept { return name_; }
const std::string& Metric::job() const noexcept { return job_; }
const std::string& Metric::units() const noexcept { return units_; }
const std::vector<std::string>& Metric::label_names() const noexcept { return label_names_; }

void Metric::cleanup() {}

bool Metric::labels_accepted(const Labels& labels, bool with_error_raised) const {
  return in_declared_order(label_names_, labels) ||
         same_label_names(sorted_label_names_[with_error_raised], labels, with_error_raised);
}

bool Metric::reject_labels(std::string_view operation, const Labels& labels) const {
  std::vector<std::string_view> expected(label_names_.begin(), label_names_.end());
  std::vector<std::string_view> given;
  for (const auto& label : labels) given.push_back(label.first);
  detail::log_error("metric '" + detail::escaped_for_log(name_) + "' (" + std::string(metric_type()) + "." +
                    std::string(operation) + "): expected labels " + names_text(expected) + ", labels given " +
                    names_text(given));
  return false;
}

bool Metric::record(std::string_view operation, RecordValue value, const Labels& labels) {
  try {
    const bool with_error_raised = detail::error_raised_label_enabled();
    if (!labels_accepted(labels, with_error_raised)) return reject_labels(operation, labels);
    // While profiling is off the record waits, as in Python, for the first
    // hand-over after it is on again.
    const bool active = detail::profiling_active();
    detail::CallScope* scope = active ? detail::current_scope() : nullptr;
    // Inside a profiled call the record is written into a waiting record's
    // buffers that an earlier hand-over left.
    detail::ThreadRecords* tree_records = active ? detail::records_of_current_tree() : nullptr;
    Record made_outside_calls;
    Record& record = tree_records != nullptr ? tree_records->next_whole() : made_outside_calls;
    const detail::ContextNode* node = scope != nullptr ? scope->node() : nullptr;
    if (node != nullptr) {
      record.item.assign(node->item);
      record.method.assign(node->context);
    } else {
      record.item.clear();
      record.method.clear();
    }
    record.metric.assign(metric_type());
    record.units.assign(units_);
    record.job.assign(job_);
    record.labels.assign(labels.begin(), labels.end());
    if (with_error_raised) {
      const bool raised = scope != nullptr ? scope->exception_propagating() : std::uncaught_exceptions() > 0;
      detail::set_error_raised(record.labels, raised);
    }
    record.operation.assign(operation);
    record.value = std::move(value);
    if (tree_records != nullptr) {
      tree_records->add_whole(id_);
    } else if (!active) {
      detail::keep_record_while_profiling_is_off(id_, std::move(made_outside_calls));
    } else {
      // The thread's state hands the shared buffer over when the thread ends.
      (void)detail::thread_state();
      if (detail::store_shared_record(id_, std::move(made_outside_calls)) >= detail::waiting_records_limit) {
        detail::hand_over_waiting_records();
      }
    }
    return true;
  } catch (...) {
    detail::log_error("a metric record could not be stored (out of memory?)");
    return false;
  }
}

bool Metric::record(detail::NumberOperation operation, double value, const Labels& labels) {
  detail::ThreadState* state = detail::existing_thread_state();
  // Deferred inside a tracked profiled call only, and not while phanos itself
  // changes the thread's state (a handler's operations during a hand-over).
  const detail::CallScope* scope = state != nullptr ? state->current : nullptr;
  if (scope == nullptr || scope->node() == nullptr || state->busy || !detail::profiling_active()) {
    return record(detail::operation_name(operation), value, labels);
  }
  try {
    const bool with_error_raised = detail::error_raised_label_enabled();
    const detail::BusyThread busy(*state);  // keeping new labels allocates
    detail::LabelSets& label_sets = state->label_sets;
    detail::MetricLabelSets* sets = label_sets.of(id_);
    const detail::LabelOrder* order =
        sets != nullptr ? sets->known_order(label_names_, labels, with_error_raised) : nullptr;
    if (order == nullptr) {
      if (!labels_accepted(labels, with_error_raised)) return reject_labels(detail::operation_name(operation), labels);
      if (sets != nullptr) order = label_sets.add_order(*sets, label_names_, labels);
    }
    const detail::LabelSet* set = order != nullptr ? label_sets.intern(*sets, *order, labels) : nullptr;
    if (set != nullptr) {
      state->records.add_observation(id_, *scope->node(), detail::error_raised_of(*scope, with_error_raised),
                                     {set, value, operation});
      return true;
    }
  } catch (...) {
    detail::log_error("a metric record could not be stored (out of memory?)");
    return false;
  }
  // No room for more label sets or orders on this thread: a whole record.
  return record(detail::operation_name(operation), value, labels);
}

bool Metric::reject_value(std::string_view operation, std::string_view accepted) const {
  detail::log_error("metric '" + detail::escaped_for_log(name_) + "' (" + std::string(metric_type()) + "." +
                    std::string(operation) + "): accepts only values " + std::string(accepted));
  return false;
}

}  // namespace phanos
