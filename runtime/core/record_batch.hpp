#pragma once
// The records of one metric as one hand-over gives them to the handlers.
// A thread keeps one batch per metric from one hand-over to the next, so the
// records' strings keep their buffers; a time record made again for the same
// call path, which is what a busy program mostly makes, only gets its new
// value.

#include <cstddef>
#include <vector>

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
  void add_time(const Metric& metric, const ContextNode& node, double milliseconds, ErrorRaised error_raised);
  // Takes the record's contents, leaving it this batch's old buffers to
  // write its next record into.
  void add(Record& record);
  // The records added since start().
  const std::vector<Record>& finish();

 private:
  // What a record was made from, when it was a call's time record.
  struct Origin {
    const ContextNode* node = nullptr;
    ErrorRaised error_raised = ErrorRaised::not_labelled;
  };

  std::size_t next_slot();
  void reserve(std::size_t count);

  RecordPool records_;
  std::vector<Origin> origins_;  // of the record in each slot of records_
};

}  // namespace phanos::detail
