#pragma once
// One profiled call in progress. Lives on the stack of detail::invoke; the
// runtime keeps the per-thread call tree as a chain of these.

#include "phanos/detail/site.hpp"

namespace phanos::detail {

// True when a profiled call has anything to do: handle_records is on, there
// is at least one handler and at least one metric. Inline so that the
// disabled path is one load and one branch.
bool profiling_active() noexcept;

class CallScope {
 public:
  explicit CallScope(const Site& site) noexcept;
  ~CallScope();
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

  // The body's result, for after-hooks and the root's response size.
  template <class T>
  void set_result(const T* result) noexcept;
};

}  // namespace phanos::detail
