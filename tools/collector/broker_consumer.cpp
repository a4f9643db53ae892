#include "broker_consumer.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>
#include <thread>

#include "backoff.hpp"
#include "connection_log.hpp"
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

BrokerConsumer::BrokerConsumer(detail::AmqpEndpoint endpoint, std::string queue, OnMessage on_message,
                               BrokerStatus& status)
    : endpoint_(std::move(endpoint)), queue_(std::move(queue)), on_message_(std::move(on_message)), status_(status) {
  endpoint_.heartbeat = heartbeat_seconds;
}

void BrokerConsumer::run(const std::atomic<bool>& stopping) {
  detail::ConnectionLog log("RabbitMQ at " + endpoint_.host + ":" + std::to_string(endpoint_.port));
  detail::Backoff backoff(first_delay, longest_delay);
  detail::AmqpConnection connection;
  while (!stopping) {
    std::optional<std::string> failed = connection.open(endpoint_, open_timeout);
    if (!failed) failed = connection.consume(queue_);
    if (failed) {
      backoff.failed(Clock::now());
      const std::string line = log.cannot_connect(*failed, backoff);
      if (!line.empty()) spdlog::error("{}", line);
      sleep_until_or_stopping(backoff.next_try(), stopping);
      continue;
    }
    backoff.succeeded();
    log.connected();
    status_.connected = true;
    ++status_.connections;
    spdlog::info("connected to {}:{}, consuming queue '{}' bound to exchange '{}'", detail::escaped_for_log(endpoint_.host),
                 endpoint_.port, detail::escaped_for_log(queue_), detail::escaped_for_log(endpoint_.exchange_name));
    std::optional<std::string> lost;
    while (!stopping && !lost) lost = connection.next_message(poll_interval, on_message_);
    status_.connected = false;
    if (lost) spdlog::error("{}", log.connection_lost(*lost));
  }
  connection.close_gracefully(std::chrono::seconds(1));
}

}  // namespace phanos::collector
