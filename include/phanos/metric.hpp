#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "phanos/labels.hpp"
#include "phanos/record.hpp"

namespace phanos {

class Metric;

namespace detail {
std::uint64_t metric_id(const Metric& metric) noexcept;

// The operations of the numeric metrics. Inside a profiled call their
// record waits as a few words naming one of these, and is written out at
// hand-over.
enum class NumberOperation : std::uint8_t { observe, inc, dec, set };
}  // namespace detail

// Base of every metric. An operation makes a record against the calling
// thread's current profiled call; the profiler hands records to the handlers
// when that call's root returns.
//
// Custom metrics derive from one of the basic metrics and build their
// operations on the inherited ones.
class Metric {
 public:
  Metric(std::string name, std::string job, std::string units, std::vector<std::string> label_names = {});
  virtual ~Metric();
  Metric(const Metric&) = delete;
  Metric& operator=(const Metric&) = delete;

  const std::string& name() const noexcept;
  const std::string& job() const noexcept;
  const std::string& units() const noexcept;
  const std::vector<std::string>& label_names() const noexcept;

  // The Prometheus type, written into each record's `metric` field.
  virtual std::string_view metric_type() const noexcept = 0;

  // Called after each hand-over of records to the handlers, possibly from
  // any thread that profiles.
  virtual void cleanup();

 protected:
  // Makes one record unless the label names differ from label_names()
  // (then logs and returns false).
  bool record(std::string_view operation, RecordValue value, const Labels& labels);
  // The same for a numeric operation: inside a profiled call, its labels
  // are looked up among those this thread gave this metric before instead of
  // copied, and the record is made whole when it is handed over.
  bool record(detail::NumberOperation operation, double value, const Labels& labels);

  // Logs that `operation` got a value it does not accept; returns false so
  // operations can `return reject_value(...)`.
  bool reject_value(std::string_view operation, std::string_view accepted) const;

 private:
  friend std::uint64_t detail::metric_id(const Metric& metric) noexcept;

  // Whether `labels` name this metric's labels, in any order.
  bool labels_accepted(const Labels& labels, bool with_error_raised) const;
  // Logs that `operation` got labels it does not accept; returns false.
  bool reject_labels(std::string_view operation, const Labels& labels) const;

  // Identifies this metric's waiting records even after the metric is gone
  // and its address reused.
  std::uint64_t id_;
  std::string name_;
  std::string job_;
  std::string units_;
  std::vector<std::string> label_names_;
  // label_names_ sorted, without and with error_raised: the set that
  // operations' labels must form, when the profiler adds error_raised or not.
  std::vector<std::string> sorted_label_names_[2];
};

}  // namespace phanos
