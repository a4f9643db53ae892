#pragma once
// The log lines of whoever connects through AmqpConnection (the RabbitMQ
// handlers, phanos-collector), so that both say the same thing in the same
// words: a failure to connect is logged once until it changes, a lost
// connection each time.

#include <string>

#include "backoff.hpp"

namespace phanos::detail {

class ConnectionLog {
 public:
  // `who` starts every line: "ImpProfHandler 'name' (host:port)".
  explicit ConnectionLog(std::string who) : who_(std::move(who)) {}

  const std::string& who() const noexcept { return who_; }

  // "{who}: cannot connect: {reason}; retrying with back-off (1 s to 30 s),
  // this failure is not logged again", or "" when this failure is the one
  // logged last.
  std::string cannot_connect(const std::string& reason, const Backoff& backoff);

  // "{who}: connection lost: {reason}; reconnecting". A failure to
  // reconnect is logged again afterwards, as is one after connected().
  std::string connection_lost(const std::string& reason);
  void connected() noexcept { last_failure_.clear(); }

 private:
  std::string who_;
  std::string last_failure_;  // the last reason logged
};

}  // namespace phanos::detail
