#pragma once
// One AMQP connection through rabbitmq-c, with its channel and exchange:
// the RabbitMQ handlers publish on it, phanos-collector consumes a queue
// bound to the exchange. Not thread-safe, except abort(). Every failure is
// returned as a sentence for the log; nothing throws.

#include <amqp.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "tls_connect.hpp"
#include "tls_settings.hpp"

namespace phanos::detail {

// Where to connect and which exchange to declare: the RabbitMQ handlers
// fill it from RabbitParams, phanos-collector from its options.
struct AmqpEndpoint {
  std::string host;
  int port = 0;
  std::string user, password, vhost;
  int heartbeat = 0;  // seconds
  std::string exchange_name, exchange_type;
  TlsSettings tls;
};

class AmqpConnection {
 public:
  using Clock = std::chrono::steady_clock;

  AmqpConnection() = default;
  ~AmqpConnection();
  AmqpConnection(const AmqpConnection&) = delete;
  AmqpConnection& operator=(const AmqpConnection&) = delete;

  // Connects, logs in, opens channel 1 and declares the exchange, each step
  // bounded by `timeout`. Returns the reason on failure (and stays closed).
  std::optional<std::string> open(const AmqpEndpoint& endpoint, std::chrono::duration<double> timeout);
  bool is_open() const noexcept { return state_ != nullptr; }
  // Says goodbye first, waiting at most `limit` for the broker's answer:
  // the broker answers after it has taken every message sent before, where
  // a bare close() may lose the last ones (a socket closed with unread data
  // is reset, and the broker drops what it had not read yet).
  void close_gracefully(std::chrono::duration<double> limit) noexcept;
  void close() noexcept;

  // Reads what the broker sent, waiting at most `wait`: connection.blocked
  // and .unblocked (memory alarm), a close. Also sends and checks
  // heartbeats. Returns the reason when the connection is lost (then it is
  // closed).
  std::optional<std::string> poll(std::chrono::duration<double> wait);
  bool blocked() const noexcept { return blocked_; }

  // Publishes `body` with content_type application/json and `message_id`.
  // Returns the reason on failure (then the connection is closed).
  std::optional<std::string> publish(const std::string& exchange, std::string_view routing_key, std::string_view body,
                                     const std::string& message_id);

  // Publisher confirms: from now on the broker acknowledges every message
  // published on this connection. Returns the reason on failure (then the
  // connection is closed).
  std::optional<std::string> confirm_publishing();
  // Waits at most `limit` until the broker confirmed every message
  // published so far. Returns why not: it refused one ("the broker refused
  // a message", the connection stays open), the wait ended, or the
  // connection was lost (then it is closed).
  std::optional<std::string> await_confirms(std::chrono::duration<double> limit);

  // Declares `queue` (never exclusive nor auto-deleted: it keeps collecting
  // while its consumer restarts; a classic queue is not durable, a quorum
  // queue is, and survives the loss of a cluster's node), binds it to the
  // exchange (every routing key of a topic exchange; an empty key
  // otherwise) and consumes it with acknowledgements, at most `prefetch`
  // messages unacknowledged. Returns the reason on failure (then the
  // connection is closed).
  struct QueueOptions {
    bool quorum = false;
    std::uint16_t prefetch = 256;
  };
  std::optional<std::string> consume(const std::string& queue, QueueOptions options);

  // Waits at most `wait` for a message of the queue consumed and hands it
  // over. With Acknowledge::after_each it acknowledges the message once
  // on_message returned: a message is taken off the queue only after the
  // consumer dealt with it. With Acknowledge::by_caller the caller does,
  // with acknowledge_through(), once what it made of the message is safe.
  // Returns the reason when the connection is lost (then it is closed),
  // nullopt after a message or when the wait ended.
  struct Delivery {
    std::string_view body;
    std::string_view message_id;  // empty when the message has none
    std::uint64_t delivery_tag;   // counts this connection's deliveries from 1
  };
  using OnMessage = std::function<void(const Delivery&)>;
  enum class Acknowledge { after_each, by_caller };
  std::optional<std::string> next_message(std::chrono::duration<double> wait, const OnMessage& on_message,
                                          Acknowledge acknowledge = Acknowledge::after_each);
  // Acknowledges every message of this connection up to and including
  // `delivery_tag`, in one basic.ack (multiple). Returns the reason on
  // failure (then the connection is closed).
  std::optional<std::string> acknowledge_through(std::uint64_t delivery_tag);

  // From another thread: makes a send or receive stuck on the socket fail
  // now, so that the owner of the connection gets control back.
  void abort() noexcept;

 private:
  // The TCP or TLS connection rabbitmq-c talks AMQP over, on state_.
  std::optional<std::string> connect_socket(const AmqpEndpoint& endpoint, std::chrono::duration<double> timeout);
  std::optional<std::string> lost(std::string reason);
  std::optional<std::string> failed_rpc(const std::string& what);
  // What poll() and await_confirms() do with a method the broker sent:
  // the reason when it closes the connection.
  std::optional<std::string> handle_method(const amqp_method_t& method);

  amqp_connection_state_t state_ = nullptr;
  bool blocked_ = false;
  bool confirming_ = false;
  std::uint64_t published_ = 0;  // delivery tags given, in confirm mode
  std::uint64_t confirmed_ = 0;  // every tag up to this one acknowledged
  bool refused_ = false;         // a tag was nacked since the last await_confirms()
  std::string exchange_name_;    // the exchange declared
  std::string binding_key_;      // what consume() binds its queue with
  std::mutex socket_;            // guards socket_fd_ between close() and abort()
  int socket_fd_ = -1;
  CertificateCheck certificate_check_;  // the TLS socket's, while state_ lives
};

}  // namespace phanos::detail
