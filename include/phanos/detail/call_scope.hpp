#pragma once
// One profiled call in progress. Lives on the stack of detail::invoke; the
// thread's innermost call points to the one it returns to. Where the call
// stands in the tree is its context node (runtime/context_node.hpp), which
// outlives the call. A profiled coroutine's call lives in its frame instead
// (coroutine_scope.hpp). Included by generated code: C++11.

#include <atomic>
#include <cstdint>
#include <type_traits>

#include "phanos/detail/argument.hpp"
#include "phanos/detail/site.hpp"
#include "phanos/detail/type_id.hpp"
#include "phanos/result_size.hpp"

namespace phanos {
namespace detail {

struct ThreadState;
struct ContextNode;

// Kept equal to "configured, handle_records on, at least one handler and one
// metric" by the profiler whenever any of those changes.
extern std::atomic<bool> profiling_switch;

// True when a profiled call has anything to do. Inline so that the disabled
// path is one load and one branch.
inline bool profiling_active() noexcept { return profiling_switch.load(std::memory_order_relaxed); }

class CallScope {
 public:
  explicit CallScope(const Site& site, Arguments arguments = {}) noexcept;
  // leave(), unless the call already left (as invoke() makes it): inline,
  // so that the usual case costs the program no call into the runtime.
  ~CallScope() {
    if (thread_ != nullptr) leave();
  }
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

  // Records the call, runs the after-hooks, hands records over if this is
  // the root, and leaves the tree. invoke() calls it while the result still
  // exists (a local result ends before the scope declared ahead of it); when
  // the body throws, the destructor calls it during unwinding.
  void leave() noexcept;

  // The body's result, for after-hooks and the root's response size.
  template <class T>
  void set_result(const T* result) noexcept {
    using Value = typename std::remove_cv<T>::type;
    result_ = result;
    result_type_ = type_id<Value>();
    result_size_ = size_function<Value>();
  }

  const Site& site() const noexcept { return *site_; }
  Arguments arguments() const noexcept { return arguments_; }
  // Null unless the body returned a result of exactly this type.
  const void* result(TypeId type) const noexcept { return type == result_type_ ? result_ : nullptr; }

  // Where the call stands in the tree; null when it is not tracked.
  const ContextNode* node() const noexcept { return node_; }
  // The thread's innermost call before this one.
  CallScope* caller() const noexcept { return caller_; }
  // Whether an exception is leaving this call right now.
  bool exception_propagating() const noexcept;

  // A coroutine's call (CoroutineScope): it chooses its node itself, and
  // leaves and rejoins threads at every suspension.
  struct NotEntered {};
  CallScope(const Site& site, Arguments arguments, NotEntered) noexcept;
  void enter(ThreadState& thread, CallScope* caller, const ContextNode& node);
  // The node a call of `site` made from this one takes.
  const ContextNode& node_of_child(const Site& site);
  // The thread the call runs on; null while suspended or not tracked.
  ThreadState* thread() const noexcept { return thread_; }
  // Suspends: the thread's innermost call is this one's caller again.
  void leave_thread() noexcept;
  // Resumes on `thread`, inside the call running there.
  void rejoin_thread(ThreadState& thread) noexcept;

 private:
  void enter(ThreadState& thread, CallScope* caller);
  void finish(ThreadState& thread);
  void run_after_func();
  void finish_root();

  const Site* site_;
  Arguments arguments_;
  ThreadState* thread_ = nullptr;  // null: not tracked (see the constructor)
  CallScope* caller_ = nullptr;    // the thread's innermost call before this one
  const ContextNode* node_ = nullptr;
  // The node of this call's most recent child: a loop calling the same
  // function finds its node without a search.
  const ContextNode* last_child_node_ = nullptr;
  int uncaught_on_entry_;
  bool root_ = false;
  bool timed_ = false;
  std::int64_t start_ticks_ = 0;
  const void* result_ = nullptr;
  TypeId result_type_ = nullptr;
  SizeOf result_size_ = nullptr;
};

}  // namespace detail
}  // namespace phanos
