#pragma once
// A queue with a fixed capacity between producers that must never wait and
// one consumer thread (which may be woken only for a batch of items): push() takes the item, or, when the queue is full
// or closed, drops it and counts the drop. The consumer takes everything queued at once and says when it is done with
// each item (done()), so the lock is taken once per batch on its side, and items it holds still count against the
// capacity; wait_done_until() knows when everything pushed has been dealt with.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <utility>

namespace phanos::detail {

template <class T>
class BoundedQueue {
 public:
  // A push wakes a waiting consumer once `wake_at` items are queued; below
  // that the consumer finds them when its own wait ends. Waking it for every
  // item costs the producer a system call, and on a busy machine the woken
  // thread may take the producer's CPU.
  explicit BoundedQueue(std::size_t capacity, std::size_t wake_at = 1)
      : capacity_(capacity), wake_at_(std::max<std::size_t>(1, wake_at)) {}

  // Never blocks beyond the lock. Returns false when the item was dropped.
  bool push(T item) {
    bool wake_consumer = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (closed_ || unfinished_ >= capacity_) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
      items_.push_back(std::move(item));
      ++unfinished_;
      unfinished_count_.store(unfinished_, std::memory_order_relaxed);
      wake_consumer = consumer_waiting_ && items_.size() >= wake_at_;
    }
    if (wake_consumer) available_.notify_one();
    return true;
  }

  // Everything queued, oldest first, waiting for something until `deadline`;
  // empty on time-out or wake().
  std::deque<T> take_all_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    consumer_waiting_ = true;
    available_.wait_until(lock, deadline, [&] { return !items_.empty() || woken_; });
    consumer_waiting_ = false;
    woken_ = false;
    return std::exchange(items_, {});
  }

  // The consumer is done with `count` items it took.
  void done(std::size_t count = 1) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      unfinished_ -= count;
      unfinished_count_.store(unfinished_, std::memory_order_relaxed);
    }
    finished_.notify_all();
  }

  // Waits until every pushed item was taken and done; false on time-out.
  bool wait_done_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    return finished_.wait_until(lock, deadline, [&] { return unfinished_ == 0; });
  }

  // Makes a waiting take_all_until() return now (e.g. to stop the consumer).
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
    unfinished_count_.store(unfinished_, std::memory_order_relaxed);
    items_.clear();
    return left;
  }

  // Without the lock, for a producer whose item is costly to make: whether
  // push() would drop it now. May be stale by an item or two, so a producer
  // that believes it, and calls count_drop() instead, drops only at (about)
  // the capacity.
  bool looks_full() const noexcept { return unfinished_count_.load(std::memory_order_relaxed) >= capacity_; }
  void count_drop() noexcept { dropped_.fetch_add(1, std::memory_order_relaxed); }

  // Items pushed and not yet done: queued or held by the consumer.
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return unfinished_;
  }
  std::size_t capacity() const noexcept { return capacity_; }
  std::uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }

 private:
  const std::size_t capacity_;
  const std::size_t wake_at_;
  mutable std::mutex mutex_;
  std::condition_variable available_;  // for the consumer
  std::condition_variable finished_;   // for wait_done_until()
  std::deque<T> items_;
  std::size_t unfinished_ = 0;                    // pushed, not yet done()
  std::atomic<std::size_t> unfinished_count_{0};  // unfinished_, for looks_full()
  bool consumer_waiting_ = false;
  bool closed_ = false;
  bool woken_ = false;
  std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace phanos::detail
