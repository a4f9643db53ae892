#pragma once
// A queue with a fixed capacity between producers that must never wait and
// one consumer thread: push() takes the item, or, when the queue is full or
// closed, drops it and counts the drop. The lock is held only to move an
// item in or out. As Python's queue.Queue, the consumer says when it is
// done with an item (done()), so that wait_done_until() knows when
// everything pushed has been dealt with.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace phanos::detail {

template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // Never blocks beyond the lock. Returns false when the item was dropped.
  bool push(T item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (closed_ || items_.size() >= capacity_) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
      items_.push_back(std::move(item));
      size_.store(items_.size(), std::memory_order_relaxed);
      ++unfinished_;
    }
    available_.notify_one();
    return true;
  }

  // The oldest item, waiting for one until `deadline`; empty on time-out.
  std::optional<T> pop_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!available_.wait_until(lock, deadline, [&] { return !items_.empty() || woken_; })) return std::nullopt;
    woken_ = false;
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    size_.store(items_.size(), std::memory_order_relaxed);
    return item;
  }

  // The consumer is done with an item it popped.
  void done() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --unfinished_;
    }
    finished_.notify_all();
  }

  // Waits until every pushed item was popped and done; false on time-out.
  bool wait_done_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    return finished_.wait_until(lock, deadline, [&] { return unfinished_ == 0; });
  }

  // Makes a waiting pop_until() return now (e.g. to stop the consumer).
  void wake() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      woken_ = true;
    }
    available_.notify_all();
  }

  // From now on every push() is a drop; discards the items still queued
  // and returns how many there were (not counted as drops: the owner
  // reports them as what was left).
  std::size_t close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    const std::size_t left = items_.size();
    unfinished_ -= left;
    items_.clear();
    size_.store(0, std::memory_order_relaxed);
    return left;
  }

  // Without the lock, for a producer whose item is costly to make: whether
  // push() would drop it now. May be stale by an item or two, so a producer
  // that believes it, and calls count_drop() instead, drops only at (about)
  // the capacity.
  bool looks_full() const noexcept { return size_.load(std::memory_order_relaxed) >= capacity_; }
  void count_drop() noexcept { dropped_.fetch_add(1, std::memory_order_relaxed); }

  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.size();
  }
  std::size_t capacity() const noexcept { return capacity_; }
  std::uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable available_;  // for the consumer
  std::condition_variable finished_;   // for wait_done_until()
  std::deque<T> items_;
  std::atomic<std::size_t> size_{0};  // items_.size(), for looks_full()
  std::size_t unfinished_ = 0;  // pushed, not yet done()
  bool closed_ = false;
  bool woken_ = false;
  std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace phanos::detail
