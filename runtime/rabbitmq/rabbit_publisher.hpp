#pragma once
// What both RabbitMQ handlers share: one connection kept up with back-off,
// publishing one message at a time, and the log lines of its life (each
// state change once, never once per message). Not thread-safe.

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amqp_connection.hpp"
#include "backoff.hpp"
#include "broker_address.hpp"
#include "connection_log.hpp"
#include "forks.hpp"
#include "message_ids.hpp"
#include "phanos/handlers/rabbit_params.hpp"

namespace phanos::detail {

class RabbitPublisher {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Outcome { sent, unavailable, blocked };

  RabbitPublisher(std::string_view handler_kind, std::string_view handler_name, RabbitParams params);

  // Connects unless connected or the back-off says not yet; each attempt
  // takes at most min(timeout, `limit`). Returns whether connected.
  bool connect(std::chrono::duration<double> limit);
  // When connect() may try again.
  Clock::time_point next_try() const noexcept { return backoff_.next_try(); }

  // With confirm on: whether publish() waits for the broker's confirm of
  // its message, or leaves it to confirm_sent() (a window of messages, one
  // round trip for them all).
  enum class Confirm { now, later };
  // Publishes on the current connection, reconnecting once if it was lost.
  // A broker that blocks publishers is waited for at most `blocked_wait`.
  // A message published again keeps its `message_id`.
  Outcome publish(std::string_view routing_key, std::string_view body, const std::string& message_id,
                  std::chrono::duration<double> blocked_wait, Confirm confirm = Confirm::now);
  // Waits for the confirms of every message published with Confirm::later
  // on this connection: sent when the broker confirmed them all.
  Outcome confirm_sent();
  // Connections made so far: messages published on an earlier connection
  // than the current one were lost with it, whatever confirm_sent() says.
  std::uint64_t connections() const noexcept { return connections_; }
  // The message_id of the next message (MessageIds: unique across
  // publishers, processes and restarts).
  std::string next_message_id() { return message_ids_.next(); }

  // Keeps an idle connection alive (heartbeats) and notices its loss.
  void keep_alive(std::chrono::duration<double> wait);

  // Closes, letting the broker take what was sent (see AmqpConnection).
  void close(std::chrono::duration<double> limit) noexcept { connection_.close_gracefully(limit); }

  // From another thread: unsticks a send or receive (see AmqpConnection);
  // the failure this causes is not logged as a lost connection.
  void abort() noexcept {
    aborted_.store(true, std::memory_order_relaxed);
    connection_.abort();
  }

  // Made in a parent before it forked: the connection is the parent's, and
  // the child must not say a word on it (nor wait for a lock of it).
  bool inherited() const noexcept { return forks_of_this_process() != made_after_forks_; }

  const RabbitParams& params() const noexcept { return params_; }
  // "AsyncImpProfHandler 'name' (host:port)", the start of its log lines.
  const std::string& who() const noexcept { return log_.who(); }

 private:
  // Returns whether the connection is (still) usable.
  bool check(std::chrono::duration<double> wait);
  // Connects to the first node that answers, in order; the reasons of every
  // node that did not, when none did.
  std::optional<std::string> open_first_node(std::chrono::duration<double> limit);
  void connection_lost(const std::string& reason);
  // A publish or confirm that failed: unavailable, the failure logged
  // (once until a message is confirmed again, if the connection is still up).
  Outcome not_confirmed(const std::string& what, const std::string& failure);

  RabbitParams params_;
  std::vector<BrokerAddress> nodes_;
  ConnectionLog log_;
  AmqpConnection connection_;
  MessageIds message_ids_;
  Backoff backoff_;
  unsigned failed_attempts_ = 0;  // since the last connection
  std::uint64_t connections_ = 0;
  bool reported_blocked_ = false;
  bool reported_unconfirmed_ = false;
  std::atomic<bool> aborted_{false};
  const std::uint64_t made_after_forks_ = forks_of_this_process();
};

}  // namespace phanos::detail
