#pragma once
// One of the profiler's hooks (before_func, after_root_func, ...). Assign a
// function or nullptr at any time, from any thread: calls in flight keep the
// function they started with.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

namespace phanos {

class Call;

class Hook {
 public:
  using Function = std::function<void(const Call&)>;

  Hook() = default;
  ~Hook();
  Hook(const Hook&) = delete;
  // Takes the other hook's function, so Python-style chains work:
  // `p.before_func = p.after_func = nullptr;`.
  Hook& operator=(const Hook& other) { return *this = other.function(); }

  Hook& operator=(Function function);
  Hook& operator=(std::nullptr_t) { return *this = Function(); }

  explicit operator bool() const noexcept { return set_.load(std::memory_order_acquire); }
  Function function() const;
  operator Function() const { return function(); }

  // Calls the function if there is one. What it throws goes no further (a
  // hook never breaks a profiled call); the first failure after each
  // assignment is reported through phanos' logger. Not operator(): a
  // callable Hook would be taken for a function object by std::function.
  void run(const Call& call) const noexcept {
    if (*this) call_function(call);
  }

 private:
  void call_function(const Call& call) const noexcept;
  void report_failure(std::string_view what) const noexcept;

  std::atomic<bool> set_{false};
  mutable std::atomic<bool> failure_reported_{false};
  std::shared_ptr<const Function> function_;  // read and written atomically
};

}  // namespace phanos
