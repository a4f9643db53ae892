#include "phanos/hook.hpp"

#include "hooks_set.hpp"
#include "log.hpp"
#include "shared_cell.hpp"

namespace phanos {
namespace detail {
std::atomic<int> hooks_set{0};
}  // namespace detail

Hook::~Hook() {
  if (set_.load(std::memory_order_relaxed)) detail::hooks_set.fetch_sub(1, std::memory_order_relaxed);
}

Hook& Hook::operator=(Function function) {
  std::shared_ptr<const Function> next;
  if (function) next = std::make_shared<const Function>(std::move(function));
  const bool set = next != nullptr;
  detail::store_shared(function_, std::move(next));
  failures_.reset();
  if (set_.exchange(set, std::memory_order_acq_rel) != set)
    detail::hooks_set.fetch_add(set ? 1 : -1, std::memory_order_relaxed);
  return *this;
}

Hook::Function Hook::function() const {
  const std::shared_ptr<const Function> function = detail::load_shared(function_);
  return function ? *function : Function();
}

void Hook::call_function(const Call& call) const noexcept {
  const std::shared_ptr<const Function> function = detail::load_shared(function_);
  if (!function) return;
  detail::run_reporting_failure(failures_, "hook", name_, [&] { (*function)(call); });
}

}  // namespace phanos
