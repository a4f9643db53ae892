#include "duplicate_window.hpp"

namespace phanos::collector {

bool DuplicateWindow::seen_before(std::string_view id) {
  if (capacity_ == 0) return false;
  const auto [entry, inserted] = ids_.emplace(id);
  if (!inserted) return true;
  order_.push_back(&*entry);  // nodes of an unordered_set stay where they are
  if (order_.size() > capacity_) {
    ids_.erase(*order_.front());
    order_.pop_front();
  }
  return false;
}

}  // namespace phanos::collector
