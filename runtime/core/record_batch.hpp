#pragma once
// The records of one metric as one hand-over gives them to the handlers.
// A thread keeps one batch per metric from one hand-over to the next, so the
// records' strings keep their buffers; a time record made again for the same
// call path, which is what a busy program mostly makes, only gets its new
// value, and so does an observation made again with the same labels and
// operation on the same path.

#include <cstddef>
#include <cstdint>
#include <variant>
#include <vector>

#include "label_set.hpp"
#include "number_operation.hpp"
#include "phanos/metric.hpp"
#include "phanos/record.hpp"
#include "record_pool.hpp"
#include "waiting_records.hpp"

namespace phanos::detail {

class RecordBatch {
 public:
  // Empties the batch for the records of the next hand-over; `fits_at_most`
  // bounds how many there may be, `count` says how many there are exactly,
  // and is called only when the batch has less room than the bound.
  template <class CountRecords>
  void start(std::size_t fits_at_most, CountRecords count) {
    records_.clear();
    if (records_.capacity() < fits_at_most) reserve(count());
  }
  // Inline for the usual record, one whose slot held a record of the same
  // origin last time: only its value changes.
  void add_time(const Metric& metric, const ContextNode& node, double milliseconds, ErrorRaised error_raised) {
    if (!refresh(Origin(node, 0, error_raised, NumberOperation::observe), milliseconds)) {
      write_time(metric, node, milliseconds, error_raised);
    }
  }
  void add_observation(const Metric& metric, const ContextNode& node, ErrorRaised error_raised,
                       const WaitingObservation& observation) {
    if (!refresh(Origin(node, observation.labels->serial, error_raised, observation.operation), observation.value)) {
      write_observation(metric, node, error_raised, observation);
    }
  }
  // Takes the record's contents, leaving it this batch's old buffers to
  // write its next record into.
  void add(Record& record);
  // The records added since start().
  const std::vector<Record>& finish();

 private:
  // What a record was made from, when it was a call's time record or an
  // observation: its node, and in one word (two compares for the usual
  // record instead of four) its labels by LabelSet::serial (0 for a time
  // record), its ErrorRaised and its operation.
  struct Origin {
    const ContextNode* node = nullptr;
    std::uint64_t rest = 0;

    Origin() = default;
    Origin(const ContextNode& made_at, std::uint64_t label_set, ErrorRaised error_raised,
           NumberOperation operation) noexcept
        : node(&made_at),
          rest(label_set << 16 | static_cast<std::uint64_t>(error_raised) << 8 |
               static_cast<std::uint64_t>(operation)) {}
    bool operator==(const Origin& other) const noexcept { return node == other.node && rest == other.rest; }
  };

  // Gives the next slot's record `number` as its value and adds it, when
  // that record was made from `origin` and holds a number; whether it did.
  bool refresh(const Origin& origin, double number) noexcept {
    Record* kept = records_.next_kept();
    if (kept == nullptr || !(origins_[records_.size()] == origin)) return false;
    double* held = std::get_if<double>(&kept->value);
    if (held == nullptr) return false;
    *held = number;
    records_.add();
    return true;
  }
  // The record of a slot that held another (or none) so far, written whole.
  void write_time(const Metric& metric, const ContextNode& node, double milliseconds, ErrorRaised error_raised);
  void write_observation(const Metric& metric, const ContextNode& node, ErrorRaised error_raised,
                         const WaitingObservation& observation);

  std::size_t next_slot() {
    records_.next();
    const std::size_t slot = records_.add();
    if (slot == origins_.size()) add_origin();
    return slot;
  }
  // Apart from next_slot(), so that its usual case saves no registers.
  void add_origin();
  // Whether the record in `slot` was made from `origin`; if not, it will be.
  bool made_from(std::size_t slot, const Origin& origin) noexcept;
  // Cheaper than the variant's assignment, a call of its own, when the
  // record held a number already.
  static void set_number(RecordValue& value, double number) {
    if (double* held = std::get_if<double>(&value)) {
      *held = number;
    } else {
      value = number;
    }
  }
  // The fields every time record and observation takes from its metric and node.
  static void fill_from(Record& record, const Metric& metric, const ContextNode& node);
  void reserve(std::size_t count);

  RecordPool records_;
  std::vector<Origin> origins_;  // of the record in each slot of records_
};

}  // namespace phanos::detail
