#pragma once
// The AMQP side, on the AMQP layer the RabbitMQ handlers use (runtime/amqp):
// connects, declares the exchange as the handlers do (by default the
// "profiling" fanout exchange), declares the queue (--queue-type: a classic
// queue, not durable, or a durable quorum queue; never exclusive nor
// auto-deleted: it keeps collecting while the collector restarts) and binds
// it, then hands every message over and acknowledges it after: a message
// leaves the queue only once aggregated, so one the collector did not get
// to (killed mid-drain) is delivered again, to it or another consumer.
// With checkpoints (--state-file) "after" means once a checkpoint holding
// what it counted is on the disk: every --checkpoint-interval, or at once
// when three quarters of --prefetch wait (PendingAcks), and when stopping;
// one basic.ack then acknowledges every message the checkpoint holds.
//
// The nodes (--rabbit-hosts) are tried in order, the first one first after
// every loss: a cluster's consumer fails over to the next node and back.
// When none can be reached it logs that as the handlers do (a failure once
// until it changes, per node) and tries again with back-off (0.2 s doubling
// to 2 s), declaring everything again: a restarted broker has forgotten a
// non-durable queue.

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "amqp_connection.hpp"
#include "backoff.hpp"
#include "broker_address.hpp"
#include "broker_status.hpp"
#include "connection_log.hpp"
#include "pending_acks.hpp"

namespace phanos::collector {

class BrokerConsumer {
 public:
  using OnMessage = detail::AmqpConnection::OnMessage;
  struct Checkpoints {
    // Saves everything on_message was given so far; true once on the disk.
    std::function<bool()> save;
    std::chrono::milliseconds interval;
  };
  // The endpoint's host and port are each node's in turn, its heartbeat
  // the collector's own (30 s). Without `checkpoints` each message is
  // acknowledged once on_message returned.
  BrokerConsumer(detail::AmqpEndpoint endpoint, std::vector<detail::BrokerAddress> nodes, std::string queue,
                 detail::AmqpConnection::QueueOptions queue_options, OnMessage on_message, BrokerStatus& status,
                 std::optional<Checkpoints> checkpoints = std::nullopt);

  // Consumes until `stopping` is set; returns within about half a second of it.
  void run(const std::atomic<bool>& stopping);

 private:
  // Consumes from nodes_[node] until the connection is lost or `stopping`;
  // false when it could not connect (logged, naming the back-off of the
  // round of every node).
  bool consume_from(std::size_t node, detail::AmqpConnection& connection, const detail::Backoff& backoff,
                    const std::atomic<bool>& stopping);
  // The loop of consume_from() with checkpoints; the reason when the
  // connection is lost.
  std::optional<std::string> consume_checkpointed(detail::AmqpConnection& connection,
                                                  const std::atomic<bool>& stopping);
  std::optional<std::string> checkpoint_and_acknowledge(detail::AmqpConnection& connection, PendingAcks& pending);

  detail::AmqpEndpoint endpoint_;
  std::vector<detail::BrokerAddress> nodes_;
  std::vector<detail::ConnectionLog> logs_;  // one per node
  std::string queue_;
  detail::AmqpConnection::QueueOptions queue_options_;
  OnMessage on_message_;
  BrokerStatus& status_;
  std::optional<Checkpoints> checkpoints_;
};

}  // namespace phanos::collector
