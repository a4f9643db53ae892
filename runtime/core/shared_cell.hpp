#pragma once
// What std::atomic_load and std::atomic_store do for a shared_ptr that
// threads read and replace at once, with locks of the runtime's own: those
// are held across fork(), where libstdc++'s are not (a child would wait
// forever for one that another thread of the parent held at the fork).

#include <memory>
#include <mutex>
#include <utility>

namespace phanos::detail {

// The lock of `cell`: one of a few, shared by all cells.
std::mutex& lock_of_cell(const void* cell) noexcept;

template <class T>
std::shared_ptr<T> load_shared(const std::shared_ptr<T>& cell) {
  std::lock_guard<std::mutex> lock(lock_of_cell(&cell));
  return cell;
}

template <class T>
void store_shared(std::shared_ptr<T>& cell, std::shared_ptr<T> value) {
  {
    std::lock_guard<std::mutex> lock(lock_of_cell(&cell));
    cell.swap(value);
  }
  // The old value, if it was the last of it, is destroyed outside the lock.
}

}  // namespace phanos::detail
