#include "phanos/metric.hpp"

#include <algorithm>
#include <atomic>

#include "context_node.hpp"
#include "log.hpp"
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

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Compares as sets, as Python does; given names must also be distinct.
bool same_label_names(const std::vector<std::string>& expected_names, const Labels& labels,
                      bool with_error_raised) {
  std::vector<std::string_view> expected(expected_names.begin(), expected_names.end());
  std::vector<std::string_view> given;
  for (const auto& label : labels) given.push_back(label.first);
  if (with_error_raised) {
    if (!contains(expected, error_raised_label_name)) expected.push_back(error_raised_label_name);
    if (!contains(given, error_raised_label_name)) given.push_back(error_raised_label_name);
  }
  std::sort(expected.begin(), expected.end());
  std::sort(given.begin(), given.end());
  if (std::adjacent_find(given.begin(), given.end()) != given.end()) return false;
  return given == expected;
}

std::string names_text(const std::vector<std::string_view>& names) {
  std::string text = "{";
  for (std::string_view name : names) {
    if (text.size() > 1) text += ", ";
    text += name;
  }
  return text + "}";
}

// Python sets the label (or overwrites the caller's) to whether an exception
// is on its way out of the recording call.
void set_error_raised(Labels& labels, bool raised) {
  const char* value = raised ? "true" : "false";
  for (auto& [name, label_value] : labels) {
    if (name == error_raised_label_name) {
      label_value = value;
      return;
    }
  }
  labels.emplace_back(error_raised_label_name, value);
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
      label_names_(distinct(std::move(label_names))) {}

Metric::~Metric() = default;

const std::string& Metric::name() const noexcept { return name_; }
const std::string& Metric::job() const noexcept { return job_; }
const std::string& Metric::units() const noexcept { return units_; }
const std::vector<std::string>& Metric::label_names() const noexcept { return label_names_; }

void Metric::cleanup() {}

bool Metric::record(std::string_view operation, RecordValue value, const Labels& labels) {
  try {
    const bool with_error_raised = detail::error_raised_label_enabled();
    if (!same_label_names(label_names_, labels, with_error_raised)) {
      std::vector<std::string_view> expected(label_names_.begin(), label_names_.end());
      std::vector<std::string_view> given;
      for (const auto& label : labels) given.push_back(label.first);
      detail::log_error("metric '" + name_ + "' (" + std::string(metric_type()) + "." +
                        std::string(operation) + "): expected labels " + names_text(expected) +
                        ", labels given " + names_text(given));
      return false;
    }
    // Nothing would ever hand the record over.
    if (!detail::profiling_active()) return true;
    detail::CallScope* scope = detail::current_scope();
    Record record;
    const detail::ContextNode* node = scope != nullptr ? scope->node() : nullptr;
    if (node != nullptr) record.item = node->item;
    record.metric = metric_type();
    record.units = units_;
    record.job = job_;
    if (node != nullptr) detail::assign_context(*node, record.method);
    record.labels = labels;
    if (with_error_raised) {
      const bool raised = scope != nullptr ? scope->exception_propagating() : std::uncaught_exceptions() > 0;
      set_error_raised(record.labels, raised);
    }
    record.operation = operation;
    record.value = std::move(value);
    detail::store_record(id_, std::move(record));
    return true;
  } catch (...) {
    detail::log_error("a metric record could not be stored (out of memory?)");
    return false;
  }
}

bool Metric::reject_value(std::string_view operation, std::string_view accepted) const {
  detail::log_error("metric '" + name_ + "' (" + std::string(metric_type()) + "." + std::string(operation) +
                    "): accepts only values " + std::string(accepted));
  return false;
}

}  // namespace phanos
