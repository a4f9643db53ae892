#include "phanos/detail/call_scope.hpp"

#include <exception>

#include "clock.hpp"
#include "context_node.hpp"
#include "error_raised_label.hpp"
#include "hand_over.hpp"
#include "hooks_set.hpp"
#include "log.hpp"
#include "phanos/call.hpp"
#include "phanos/profiler.hpp"
#include "registry.hpp"
#include "thread_state.hpp"

namespace phanos::detail {

CallScope::CallScope(const Site& site, Arguments arguments) noexcept : CallScope(site, arguments, NotEntered{}) {
  ThreadState* state = thread_state();
  if (state == nullptr || state->busy) return;
  try {
    enter(*state, state->current);
  } catch (...) {
    // Only allocation can fail here; the call then runs untracked.
    log_error("a profiled call could not be tracked (out of memory?)");
  }
}

CallScope::CallScope(const Site& site, Arguments arguments, NotEntered) noexcept
    : site_(&site),
      arguments_(arguments),
      // Only the error_raised label needs it.
      uncaught_on_entry_(error_raised_label_enabled() ? std::uncaught_exceptions() : 0) {}

const ContextNode& CallScope::node_of_child(const Site& site) {
  if (last_child_node_ == nullptr || last_child_node_->site != &site) last_child_node_ = &child_node(*node_, site);
  return *last_child_node_;
}

void CallScope::enter(ThreadState& thread, CallScope* caller) {
  const ContextNode* node;
  {
    // Finding the node may allocate and changes the caller's cache.
    const BusyThread busy(thread);
    node = caller != nullptr ? &caller->node_of_child(*site_) : &thread.root_node(*site_);
  }
  enter(thread, caller, *node);
}

void CallScope::enter(ThreadState& thread, CallScope* caller, const ContextNode& node) {
  node_ = &node;
  thread_ = &thread;
  caller_ = caller;
  root_ = node.parent == nullptr;
  thread.current = this;
  if (any_hook_set()) {
    Profiler& hooks = profiler();
    const Call call(*this);
    if (root_) hooks.before_root_func.run(call);
    hooks.before_func.run(call);
  }
  if (time_profiler_id() != 0) {
    timed_ = true;
    start_ticks_ = clock_ticks();
  }
}

void CallScope::leave_thread() noexcept {
  thread_->current = caller_;
  thread_ = nullptr;
}

void CallScope::rejoin_thread(ThreadState& thread) noexcept {
  thread_ = &thread;
  caller_ = thread.current;
  // This thread's count; only the error_raised label needs it.
  if (error_raised_label_enabled()) uncaught_on_entry_ = std::uncaught_exceptions();
  thread.current = this;
}

void CallScope::leave() noexcept {
  if (thread_ == nullptr) return;
  ThreadState& thread = *thread_;
  thread_ = nullptr;
  finish(thread);
  thread.current = caller_;
}

void CallScope::finish(ThreadState& thread) {
  try {
    if (timed_) {
      const Ticks elapsed = clock_ticks() - start_ticks_;
      // Checked again: the time profiler may have been deleted meanwhile.
      if (const std::uint64_t metric = time_profiler_id(); metric != 0) {
        const ErrorRaised error_raised = error_raised_of(*this, error_raised_label_enabled());
        const BusyThread busy(thread);  // adding may allocate
        thread.records.add_time(metric, *node_, elapsed, error_raised);
      }
    }
    if (any_hook_set()) run_after_func();
    if (root_) finish_root();
    const std::size_t waiting = thread.records.size();
    if (root_ || waiting >= waiting_records_limit || (waiting > 0 && hand_over_requested(thread))) {
      hand_over_records(thread);
    }
  } catch (...) {
    // Only allocation can fail here; the profiled program must not notice.
    log_error("a profiled call could not be recorded (out of memory?)");
  }
}

// Apart from finish(), like finish_root(): what few calls do stays out of
// the registers that every call's finish() saves.
[[gnu::noinline]] void CallScope::run_after_func() { profiler().after_func.run(Call(*this)); }

[[gnu::noinline]] void CallScope::finish_root() {
  if (result_size_ != nullptr) {  // null: void, threw, or a type without a size
    const std::shared_ptr<const Registry> registry = registry_snapshot();
    if (registry->response_size) registry->response_size->observe(static_cast<double>(result_size_(result_)));
  }
  if (any_hook_set()) profiler().after_root_func.run(Call(*this));
}

bool CallScope::exception_propagating() const noexcept { return std::uncaught_exceptions() > uncaught_on_entry_; }

}  // namespace phanos::detail
