#pragma once
// One of the profiler's hooks (before_func, after_root_func, ...). Assign a
// function or nullptr at any time, from any thread: calls in flight keep the
// function they started with.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>

#include "phanos/detail/report_once.hpp"

namespace phanos {

class Call;

class Hook {
 public:
  using Function = std::function<void(const Call&)>;

  // `name`: the hook's, for the message reporting that its function threw.
  explicit Hook(const char* name) noexcept : name_(name) {}
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
  // assignment is reported through phanos' logger ("hook 'before_func'
  // threw: ..."). Not operator(): a
  // callable Hook would be taken for a function object by std::function.
  void run(const Call& call) const noexcept {
    if (*this) call_function(call);
  }

 private:
  void call_function(const Call& call) const noexcept;

  const char* name_;
  std::atomic<bool> set_{false};
  mutable detail::ReportOnce failures_;
  std::shared_ptr<const Function> function_;  // read and written atomically
};

}  // namespace phanos
