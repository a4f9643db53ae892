#include "broker_consumer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include "escaped_for_log.hpp"

namespace phanos::collector {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int heartbeat_seconds = 30;  // so that a vanished broker is noticed
constexpr std::chrono::seconds open_timeout{10};
constexpr std::chrono::milliseconds poll_interval{500};  // how often `stopping` is looked at
constexpr std::chrono::milliseconds first_delay{200}, longest_delay{2000};

void sleep_until_or_stopping(Clock::time_point until, const std::atomic<bool>& stopping) {
  while (!stopping && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

}  // namespace

BrokerConsumer::BrokerConsumer(detail::AmqpEndpoint endpoint, std::vector<detail::BrokerAddress> nodes,
                               std::string queue, detail::AmqpConnection::QueueOptions queue_options,
                               OnMessage on_message, BrokerStatus& status, std::optional<Checkpoints> checkpoints)
    : endpoint_(std::move(endpoint)),
      nodes_(std::move(nodes)),
      queue_(std::move(queue)),
      queue_options_(queue_options),
      on_message_(std::move(on_message)),
      status_(status),
      checkpoints_(std::move(checkpoints)) {
  endpoint_.heartbeat = heartbeat_seconds;
  for (const detail::BrokerAddress& node : nodes_)
    logs_.emplace_back("RabbitMQ at " + detail::escaped_for_log(detail::to_string(node)));
}

void BrokerConsumer::run(const std::atomic<bool>& stopping) {
  detail::Backoff backoff(first_delay, longest_delay);
  detail::AmqpConnection connection;
  while (!stopping) {
    bool connected = false;
    for (std::size_t node = 0; node < nodes_.size() && !stopping && !connected; ++node) {
      connected = consume_from(node, connection, backoff, stopping);
    }
    if (connected) {
      backoff.succeeded();
      continue;  // lost: the first node first again
    }
    backoff.failed(Clock::now());
    sleep_until_or_stopping(backoff.next_try(), stopping);
  }
  connection.close_gracefully(std::chrono::seconds(1));
}

bool BrokerConsumer::consume_from(std::size_t node, detail::AmqpConnection& connection, const detail::Backoff& backoff,
                                  const std::atomic<bool>& stopping) {
  endpoint_.host = nodes_[node].host;
  endpoint_.port = nodes_[node].port;
  detail::ConnectionLog& log = logs_[node];
  std::optional<std::string> failed = connection.open(endpoint_, open_timeout);
  if (!failed) failed = connection.consume(queue_, queue_options_);
  if (failed) {
    const std::string line = log.cannot_connect(*failed, backoff);
    if (!line.empty()) spdlog::error("{}", line);
    return false;
  }
  log.connected();
  status_.connected = true;
  ++status_.connections;
  spdlog::info("connected to {}, consuming {} queue '{}' bound to exchange '{}'",
               detail::escaped_for_log(detail::to_string(nodes_[node])), queue_options_.quorum ? "quorum" : "classic",
               detail::escaped_for_log(queue_), detail::escaped_for_log(endpoint_.exchange_name));
  std::optional<std::string> lost;
  if (checkpoints_) {
    lost = consume_checkpointed(connection, stopping);
  } else {
    while (!stopping && !lost) lost = connection.next_message(poll_interval, on_message_);
  }
  status_.connected = false;
  if (lost) spdlog::error("{}", log.connection_lost(*lost));
  return true;
}

std::optional<std::string> BrokerConsumer::consume_checkpointed(detail::AmqpConnection& connection,
                                                                const std::atomic<bool>& stopping) {
  // A quarter of the window still on its way while the checkpoint is
  // written, so that the next messages are there when it is done.
  PendingAcks pending(checkpoints_->interval, std::max<std::size_t>(1, queue_options_.prefetch * std::size_t{3} / 4));
  const auto on_message = [&](const detail::AmqpConnection::Delivery& delivery) {
    on_message_(delivery);
    pending.delivered(delivery.delivery_tag, Clock::now());
  };
  std::optional<std::string> lost;
  while (!stopping && !lost) {
    lost = connection.next_message(pending.wait(Clock::now(), poll_interval), on_message,
                                   detail::AmqpConnection::Acknowledge::by_caller);
    if (!lost && pending.due(Clock::now())) lost = checkpoint_and_acknowledge(connection, pending);
  }
  if (!lost && !pending.empty()) lost = checkpoint_and_acknowledge(connection, pending);
  return lost;
}

std::optional<std::string> BrokerConsumer::checkpoint_and_acknowledge(detail::AmqpConnection& connection,
                                                                      PendingAcks& pending) {
  if (!checkpoints_->save()) {
    pending.checkpoint_failed(Clock::now());
    return std::nullopt;
  }
  const std::uint64_t last = pending.last_tag();
  pending.clear();
  return connection.acknowledge_through(last);
}

}  // namespace phanos::collector
