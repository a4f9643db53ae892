#pragma once
// AsyncImpProfHandler's machinery: the bounded queue of hand-overs and the
// thread that publishes them, coalesced, through a RabbitPublisher. The thread holds a
// shared_ptr to this object, so that a thread left behind at exit (stuck
// connecting) never touches freed memory.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bounded_queue.hpp"
#include "coalesced_messages.hpp"
#include "finish_at_exit.hpp"
#include "phanos/record.hpp"
#include "rabbit_publisher.hpp"

namespace phanos::detail {

class AsyncPublisher : public std::enable_shared_from_this<AsyncPublisher>, public FinishesAtExit {
 public:
  // Starts the publishing thread; finish() runs at the latest at exit.
  static std::shared_ptr<AsyncPublisher> start(std::string_view handler_name, RabbitParams params);
  AsyncPublisher(std::string_view handler_name, RabbitParams params);

  // Queues the records of one hand-over of `metric`; never waits: a full
  // queue drops the hand-over (counted), without the cost of serialising it.
  void enqueue(const std::vector<Record>& records, std::string_view metric);
  std::uint64_t dropped() const noexcept;

  // Publishes what is queued for at most drain_timeout, then stops the
  // thread; what is left is dropped and counted. Only the first call acts.
  void finish() noexcept override;

 private:
  void run() noexcept;
  void publish_until_stopped();
  // With confirm on: publishes the next message of `in_hand` not yet sent,
  // or, once a window of them is, waits for their confirms and retires them.
  void publish_in_windows(std::deque<Outgoing>& in_hand, std::string& body);
  // The first `messages` of `in_hand` are published: done with them.
  void retire(std::deque<Outgoing>& in_hand, std::size_t messages);
  bool stopping() const;
  // Waits until `deadline` or until finish() says stop.
  void sleep_until(std::chrono::steady_clock::time_point deadline);
  void report_drops();
  void report_end();
  void stop_within_drain_timeout();

  RabbitPublisher publisher_;  // used by the thread only (but abort())
  // Confirm on: the first messages in hand published, their confirms not
  // yet waited for, and the connection (RabbitPublisher::connections()) they
  // went out on. Used by the thread only.
  std::size_t in_flight_ = 0;
  std::uint64_t in_flight_connection_ = 0;
  BoundedQueue<Message> queue_;
  // Not published when the thread stopped: left in the queue or in hand.
  std::atomic<std::uint64_t> unsent_{0};

  mutable std::mutex state_;
  std::condition_variable state_changed_;
  bool stopping_ = false;
  // Set with stopping_: until when the thread may wait for the broker's
  // answer to its goodbye.
  std::chrono::steady_clock::time_point goodbye_until_{};
  bool thread_done_ = false;
  std::once_flag finishing_;
  std::thread thread_;

  // Drop reports, by the thread: at most one per report_period.
  std::uint64_t reported_drops_ = 0;
  std::chrono::steady_clock::time_point next_report_{};
};

}  // namespace phanos::detail
