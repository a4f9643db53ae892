#include "phanos/detail/call_scope.hpp"

#include <exception>
#include <vector>

#include "hand_over.hpp"
#include "phanos/call.hpp"
#include "phanos/profiler.hpp"
#include "log.hpp"
#include "python_format.hpp"
#include "registry.hpp"
#include "thread_state.hpp"

namespace phanos::detail {

CallScope::CallScope(const Site& site, Arguments arguments) noexcept
    : site_(&site), arguments_(arguments), uncaught_on_entry_(std::uncaught_exceptions()) {
  ThreadState* state = thread_state();
  // Calls made by handlers during a hand-over stay untracked: their records
  // would land in the hand-over that is running them.
  if (state == nullptr || state->handing_over) return;
  thread_ = state;
  parent_ = state->current;
  if (parent_ != nullptr) root_ = parent_->root_;
  state->current = this;
  enter();
}

void CallScope::enter() {
  Profiler& hooks = profiler();
  const Call call(*this);
  if (parent_ == nullptr) hooks.before_root_func.run(call);
  hooks.before_func.run(call);
  if (time_profiling_enabled()) {
    timed_ = true;
    start_ = std::chrono::steady_clock::now();
  }
}

CallScope::~CallScope() { leave(); }

void CallScope::leave() noexcept {
  if (thread_ == nullptr) return;
  finish();
  thread_->current = parent_;
  thread_ = nullptr;
}

void CallScope::finish() {
  try {
    // One snapshot serves the time and the response size, taken only when
    // one of them is needed.
    std::shared_ptr<const Registry> registry;
    if (timed_) {
      const auto elapsed = std::chrono::steady_clock::now() - start_;
      const double milliseconds = std::chrono::duration<double, std::milli>(elapsed).count();
      registry = registry_snapshot();
      if (registry->time_profiler) registry->time_profiler->observe(python_round(milliseconds, 2));
    }
    Profiler& hooks = profiler();
    const Call call(*this);
    hooks.after_func.run(call);
    if (parent_ == nullptr) {
      if (result_size_ != nullptr) {  // null: void, threw, or a type without a size
        if (!registry) registry = registry_snapshot();
        if (registry->response_size) registry->response_size->observe(static_cast<double>(result_size_(result_)));
      }
      hooks.after_root_func.run(call);
    }
    if (parent_ == nullptr || thread_->records.size() >= waiting_records_limit) {
      hand_over_records(*thread_);
    }
  } catch (...) {
    // Only allocation can fail here; the profiled program must not notice.
    log_error("a profiled call could not be recorded (out of memory?)");
  }
}

const std::string& CallScope::context() {
  if (!context_.empty()) return context_;
  // Built from the outermost call lacking a context down to this one, in a
  // loop: a deep recursion must not recurse here once more.
  std::vector<CallScope*> lacking;
  for (CallScope* scope = this; scope != nullptr && scope->context_.empty(); scope = scope->parent_) {
    lacking.push_back(scope);
  }
  for (auto it = lacking.rbegin(); it != lacking.rend(); ++it) {
    CallScope& scope = **it;
    if (scope.parent_ == nullptr) {
      scope.context_ = scope.site_->item;
      scope.context_ += ':';
    } else {
      scope.context_ = scope.parent_->context_;
      scope.context_ += '.';
    }
    scope.context_ += scope.site_->name;
  }
  return context_;
}

const char* CallScope::item() const noexcept { return root_->site_->item; }

bool CallScope::exception_propagating() const noexcept {
  return std::uncaught_exceptions() > uncaught_on_entry_;
}

}  // namespace phanos::detail
