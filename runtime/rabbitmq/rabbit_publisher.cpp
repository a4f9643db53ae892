#include "rabbit_publisher.hpp"

#include <stdexcept>
#include <thread>
#include <utility>

#include "log.hpp"

namespace phanos::detail {
namespace {

AmqpEndpoint endpoint_of(const RabbitParams& params, const BrokerAddress& node) {
  return {
      node.host,
      node.port,
      params.user,
      params.password,
      params.vhost,
      params.heartbeat,
      params.exchange_name,
      params.exchange_type,
      {params.ssl, params.ssl_ca, params.ssl_cert, params.ssl_key, params.ssl_verify_peer, params.ssl_verify_hostname}};
}

// RabbitParams::hosts, or host and port; throws std::invalid_argument
// naming the entry that is not a node.
std::vector<BrokerAddress> nodes_of(const RabbitParams& params) {
  if (params.hosts.empty()) return {{params.host, params.port}};
  std::vector<BrokerAddress> nodes(params.hosts.size());
  for (std::size_t i = 0; i < params.hosts.size(); ++i) {
    std::string error;
    if (!parse_broker_address(params.hosts[i], nodes[i], error))
      throw std::invalid_argument("RabbitParams::hosts[" + std::to_string(i) + "]: " + error);
  }
  return nodes;
}

std::string names_of(const std::vector<BrokerAddress>& nodes) {
  std::string names;
  for (const BrokerAddress& node : nodes) names += (names.empty() ? "" : ", ") + to_string(node);
  return names;
}

}  // namespace

RabbitPublisher::RabbitPublisher(std::string_view handler_kind, std::string_view handler_name, RabbitParams params)
    : params_(std::move(params)),
      nodes_(nodes_of(params_)),
      log_(std::string(handler_kind) + " '" + escaped_for_log(handler_name) + "' (" +
           escaped_for_log(names_of(nodes_)) + ")") {}

bool RabbitPublisher::connect(std::chrono::duration<double> limit) {
  if (connection_.is_open()) return true;
  if (!backoff_.may_try(Clock::now())) return false;
  const std::chrono::duration<double> attempt_limit =
      std::min<std::chrono::duration<double>>(std::chrono::duration<double>(params_.timeout), limit);
  std::string reason;
  for (int attempt = 0; attempt < std::max(1, params_.retry); ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::duration<double>(params_.retry_delay));
    const auto failure = open_first_node(attempt_limit);
    if (!failure) {
      if (failed_attempts_ > 0) {
        log_warning(log_.who() + ": connected after " + std::to_string(failed_attempts_) + " failed attempts");
      }
      failed_attempts_ = 0;
      ++connections_;
      log_.connected();
      reported_blocked_ = false;
      backoff_.succeeded();
      return true;
    }
    reason = *failure;
    ++failed_attempts_;
  }
  backoff_.failed(Clock::now());
  const std::string line = log_.cannot_connect(reason, backoff_);
  if (!line.empty()) log_error(line);
  return false;
}

std::optional<std::string> RabbitPublisher::open_first_node(std::chrono::duration<double> limit) {
  std::string reasons;
  for (const BrokerAddress& node : nodes_) {
    auto failure = connection_.open(endpoint_of(params_, node), limit);
    if (!failure && params_.confirm) failure = connection_.confirm_publishing();
    if (!failure) return std::nullopt;
    if (nodes_.size() == 1) return failure;
    reasons += (reasons.empty() ? "" : "; ") + to_string(node) + ": " + *failure;
  }
  return reasons;
}

void RabbitPublisher::connection_lost(const std::string& reason) {
  if (aborted_.load(std::memory_order_relaxed)) return;
  log_warning(log_.connection_lost(reason));
}

bool RabbitPublisher::check(std::chrono::duration<double> wait) {
  if (const auto lost = connection_.poll(wait)) {
    connection_lost(*lost);
    return false;
  }
  if (connection_.blocked() != reported_blocked_) {
    reported_blocked_ = connection_.blocked();
    log_warning(log_.who() + (reported_blocked_
                                  ? ": the broker blocks publishing (resource alarm); messages wait or are dropped"
                                  : ": the broker unblocked publishing"));
  }
  return true;
}

void RabbitPublisher::keep_alive(std::chrono::duration<double> wait) {
  if (connection_.is_open()) check(wait);
}

RabbitPublisher::Outcome RabbitPublisher::publish(std::string_view routing_key, std::string_view body,
                                                  const std::string& message_id,
                                                  std::chrono::duration<double> blocked_wait, Confirm confirm) {
  const auto forever = std::chrono::duration<double>(params_.timeout);
  // A broker that went away is usually noticed here, before the message
  // is written into a dead socket.
  if (!connect(forever) || (!check(std::chrono::seconds(0)) && !connect(forever))) return Outcome::unavailable;
  if (connection_.blocked()) {
    const auto give_up = Clock::now() + blocked_wait;
    while (connection_.blocked()) {
      const std::chrono::duration<double> left = give_up - Clock::now();
      if (left.count() <= 0) return Outcome::blocked;
      if (!check(left)) return Outcome::unavailable;
    }
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto failure = connection_.publish(params_.exchange_name, routing_key, body, message_id);
    if (!failure && params_.confirm && confirm == Confirm::now) failure = connection_.await_confirms(forever);
    if (!failure) {
      if (confirm == Confirm::now) reported_unconfirmed_ = false;
      return Outcome::sent;
    }
    if (connection_.is_open()) return not_confirmed("message " + escaped_for_log(message_id), *failure);
    connection_lost(*failure);
    if (!connect(forever)) break;
  }
  return Outcome::unavailable;
}

RabbitPublisher::Outcome RabbitPublisher::confirm_sent() {
  if (!connection_.is_open()) return Outcome::unavailable;
  const auto failure = connection_.await_confirms(std::chrono::duration<double>(params_.timeout));
  if (!failure) {
    reported_unconfirmed_ = false;
    return Outcome::sent;
  }
  if (connection_.is_open()) return not_confirmed("messages", *failure);
  connection_lost(*failure);
  return Outcome::unavailable;
}

RabbitPublisher::Outcome RabbitPublisher::not_confirmed(const std::string& what, const std::string& failure) {
  // Refused or not confirmed in time: not sent, as far as we know (a
  // consumer drops the copy by its message_id if it was). Logged once
  // until a message is confirmed again.
  if (!std::exchange(reported_unconfirmed_, true))
    log_warning(log_.who() + ": " + what + " not confirmed: " + failure + "; not logged again until one is");
  return Outcome::unavailable;
}

}  // namespace phanos::detail
