#include "async_publisher.hpp"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <deque>
#include <sstream>

#include "finish_at_exit.hpp"
#include "log.hpp"
#include "phanos/format.hpp"

namespace phanos::detail {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// How often the thread looks up from waiting: to report drops, to keep an
// idle connection alive (heartbeats), to notice finish().
constexpr std::chrono::milliseconds tick{250};
// The publishing thread is woken when this many messages wait; fewer wait
// at most a tick. Profiled calls then never pay for waking it.
constexpr std::size_t wake_batch = 64;
// With confirm on, at most this many messages are published before their
// confirms are waited for, all at once: one round trip to the broker per
// window instead of per message (bench/README.md, the whole pipeline:
// confirm on published half as fast as off, waiting for each message's).
constexpr std::size_t confirm_window = 32;
// At most one "queue full" log line per period, however many drops.
constexpr std::chrono::seconds report_period{10};
// After the drain, how long the thread is given to close the connection:
// what is left of the drain timeout, at least goodbye_limit. The broker
// answers the goodbye once it has read every message before it; one that
// lags far behind needs that time. With goodbye_limit alone, the end-to-end
// benchmark (bench/README.md) lost 150-170 of 50,000 one-record messages,
// confirm off, in 3 of 4 runs at a load average of 8-14; none in 3 runs
// with this. Then, after stop_grace - goodbye_limit more, its socket is
// shut down under it, and after stop_grace again the thread is left behind
// (it may be in a connection attempt that cannot be interrupted).
constexpr std::chrono::milliseconds goodbye_limit{400};
constexpr std::chrono::milliseconds stop_grace{500};

}  // namespace

std::shared_ptr<AsyncPublisher> AsyncPublisher::start(std::string_view handler_name, RabbitParams params) {
  auto publisher = std::make_shared<AsyncPublisher>(handler_name, std::move(params));
  publisher->thread_ = std::thread([self = publisher->shared_from_this()] { self->run(); });
  finish_at_exit(publisher);
  return publisher;
}

AsyncPublisher::AsyncPublisher(std::string_view handler_name, RabbitParams params)
    : publisher_("AsyncImpProfHandler", handler_name, params),
      queue_(std::max<std::size_t>(1, params.queue_capacity), std::min(wake_batch, params.queue_capacity / 2)) {}

void AsyncPublisher::enqueue(const std::vector<Record>& records, std::string_view metric) {
  // In a child the publishing thread does not exist, and the queue's lock
  // may have been held by it at the fork.
  if (queue_.looks_full() || publisher_.inherited()) {
    queue_.count_drop();
    return;
  }
  // Serialised here, in the caller's thread: one allocation to queue
  // instead of a copy of every record.
  queue_.push({records.front().job, std::string(metric), to_json(records), records.size()});
}

std::uint64_t AsyncPublisher::dropped() const noexcept {
  return queue_.dropped() + unsent_.load(std::memory_order_relaxed);
}

bool AsyncPublisher::stopping() const {
  std::lock_guard<std::mutex> lock(state_);
  return stopping_;
}

void AsyncPublisher::sleep_until(Clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(state_);
  state_changed_.wait_until(lock, deadline, [&] { return stopping_; });
}

void AsyncPublisher::run() noexcept {
#if defined(__linux__)
  // A batch thread does not preempt the thread that woke it: a profiled
  // call that hands over the 64th message keeps its CPU.
  const sched_param batch_priority{};
  pthread_setschedparam(pthread_self(), SCHED_BATCH, &batch_priority);
#endif
  try {
    publish_until_stopped();
  } catch (const std::exception& error) {
    log_error(publisher_.who() + ": publishing thread stopped: " + escaped_for_log(error.what()));
  } catch (...) {
    log_error(publisher_.who() + ": publishing thread stopped by an unknown exception");
  }
  {
    std::lock_guard<std::mutex> lock(state_);
    thread_done_ = true;
  }
  state_changed_.notify_all();
}

void AsyncPublisher::publish_until_stopped() {
  const Seconds timeout(publisher_.params().timeout);
  const CoalescingLimits limits{publisher_.params().max_message_records, publisher_.params().max_message_bytes};
  std::deque<Outgoing> in_hand;
  std::string body;  // the next message's, its capacity kept from one to the next
  while (!stopping()) {
    report_drops();
    if (in_hand.empty()) {
      in_hand = coalesced(queue_.take_all_until(Clock::now() + tick), limits);
      if (in_hand.empty()) {
        publisher_.keep_alive(Seconds(0));
        continue;
      }
      for (Outgoing& message : in_hand) message.message_id = publisher_.next_message_id();
    }
    if (!publisher_.connect(timeout)) {
      sleep_until(std::min(publisher_.next_try(), Clock::now() + tick));
      continue;
    }
    if (publisher_.params().confirm) {
      publish_in_windows(in_hand, body);
      continue;
    }
    // A blocked broker is waited for a tick at a time, to look up between.
    const Outgoing& next = in_hand.front();
    write_body(next, body);
    if (publisher_.publish(next.routing_key, body, next.message_id, tick) == RabbitPublisher::Outcome::sent)
      retire(in_hand, 1);
  }
  std::size_t hand_overs_in_hand = 0;
  for (const Outgoing& message : in_hand) hand_overs_in_hand += message.parts.size();
  if (hand_overs_in_hand > 0) {
    unsent_.fetch_add(hand_overs_in_hand, std::memory_order_relaxed);
    queue_.done(hand_overs_in_hand);
  }
  Clock::time_point goodbye_until;
  {
    std::lock_guard<std::mutex> lock(state_);
    goodbye_until = goodbye_until_;
  }
  publisher_.close(std::max<Clock::duration>(goodbye_limit, goodbye_until - Clock::now()));
}

void AsyncPublisher::publish_in_windows(std::deque<Outgoing>& in_hand, std::string& body) {
  using Outcome = RabbitPublisher::Outcome;
  // Published on a connection since lost: never confirmed, all go again.
  if (in_flight_ > 0 && publisher_.connections() != in_flight_connection_) in_flight_ = 0;
  if (in_flight_ < std::min(in_hand.size(), confirm_window)) {
    if (in_flight_ == 0) in_flight_connection_ = publisher_.connections();
    const Outgoing& next = in_hand[in_flight_];
    write_body(next, body);
    if (publisher_.publish(next.routing_key, body, next.message_id, tick, RabbitPublisher::Confirm::later) ==
        Outcome::sent)
      in_flight_ = publisher_.connections() == in_flight_connection_ ? in_flight_ + 1 : 0;
    return;
  }
  // Refused, not confirmed in time or lost: the whole window goes again
  // (a consumer drops the copies that did arrive by their message_id).
  if (publisher_.confirm_sent() == Outcome::sent && publisher_.connections() == in_flight_connection_)
    retire(in_hand, in_flight_);
  in_flight_ = 0;
}

void AsyncPublisher::retire(std::deque<Outgoing>& in_hand, std::size_t messages) {
  std::size_t hand_overs = 0;
  for (std::size_t i = 0; i < messages; ++i) hand_overs += in_hand[i].parts.size();
  in_hand.erase(in_hand.begin(), in_hand.begin() + static_cast<std::ptrdiff_t>(messages));
  queue_.done(hand_overs);
}

void AsyncPublisher::report_drops() {
  const std::uint64_t drops = queue_.dropped();
  const auto now = Clock::now();
  if (drops == reported_drops_ || now < next_report_) return;
  log_warning(publisher_.who() + ": queue of " + std::to_string(queue_.capacity()) + " messages full, dropped " +
              std::to_string(drops - reported_drops_) + " (" + std::to_string(drops) +
              " in total); reported at most every " + std::to_string(report_period.count()) + " s");
  reported_drops_ = drops;
  next_report_ = now + report_period;
}

void AsyncPublisher::report_end() {
  const std::uint64_t unsent = unsent_.load(std::memory_order_relaxed);
  const std::uint64_t full = queue_.dropped();
  if (unsent == 0 && full == 0) return;
  std::ostringstream message;
  message << publisher_.who() << ": at the end, " << unsent << " messages not published within the drain timeout ("
          << publisher_.params().drain_timeout << " s); " << full << " dropped in all because the queue was full";
  log_warning(message.str());
}

void AsyncPublisher::finish() noexcept {
  if (publisher_.inherited()) return;  // nothing to wait for: the thread is the parent's
  std::call_once(finishing_, [this]() noexcept {
    try {
      stop_within_drain_timeout();
    } catch (...) {
      // Only std::thread can throw here, on a system failure: leave the
      // thread be rather than take the program down.
    }
  });
}

void AsyncPublisher::stop_within_drain_timeout() {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           Seconds(std::max(0.0, publisher_.params().drain_timeout)));
  queue_.wake();  // what waits for the next tick goes out now
  queue_.wait_done_until(deadline);
  const auto goodbye_until = std::max(deadline, Clock::now() + goodbye_limit);
  {
    std::lock_guard<std::mutex> lock(state_);
    stopping_ = true;
    goodbye_until_ = goodbye_until;
  }
  state_changed_.notify_all();
  queue_.wake();
  unsent_.fetch_add(queue_.close(), std::memory_order_relaxed);
  std::unique_lock<std::mutex> lock(state_);
  bool stopped =
      state_changed_.wait_until(lock, goodbye_until + (stop_grace - goodbye_limit), [&] { return thread_done_; });
  if (!stopped) {
    lock.unlock();
    publisher_.abort();
    lock.lock();
    stopped = state_changed_.wait_for(lock, stop_grace, [&] { return thread_done_; });
  }
  lock.unlock();
  if (stopped) {
    thread_.join();
    report_end();
  } else {
    // It keeps this object alive until it ends; the process may end first.
    thread_.detach();
  }
}

}  // namespace phanos::detail
