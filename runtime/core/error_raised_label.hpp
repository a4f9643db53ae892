#pragma once
// The error_raised label the profiler adds to records (Config::error_raised_label):
// what a waiting record keeps of it, and how a record's labels get it.

#include <cstdint>

#include "phanos/detail/call_scope.hpp"
#include "phanos/labels.hpp"

namespace phanos::detail {

// The error_raised label of a waiting record.
enum class ErrorRaised : std::uint8_t { not_labelled, no, yes };

// The label of a record that `scope` makes now, when records are `labelled`
// (error_raised_label_enabled(), read once per record).
inline ErrorRaised error_raised_of(const CallScope& scope, bool labelled) noexcept {
  if (!labelled) return ErrorRaised::not_labelled;
  return scope.exception_propagating() ? ErrorRaised::yes : ErrorRaised::no;
}

// Python sets the label (or overwrites the caller's) to whether an exception
// is on its way out of the recording call.
void set_error_raised(Labels& labels, bool raised);

}  // namespace phanos::detail
