#include "broker_consumer.hpp"

#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

namespace phanos::collector {
namespace {

constexpr int channel = 1;
constexpr int frame_max = 131072;  // the broker's default
constexpr int heartbeat_seconds = 30;  // so that a vanished broker is noticed
constexpr timeval connect_timeout{5, 0};
constexpr timeval rpc_timeout{10, 0};
constexpr timeval poll_interval{0, 500000};  // how often `stopping` is looked at

std::string text_of(amqp_bytes_t bytes) { return std::string(static_cast<const char*>(bytes.bytes), bytes.len); }

std::string describe(const amqp_rpc_reply_t& reply) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL: return "no error";
    case AMQP_RESPONSE_NONE: return "no reply from the broker";
    case AMQP_RESPONSE_LIBRARY_EXCEPTION: return amqp_error_string2(reply.library_error);
    case AMQP_RESPONSE_SERVER_EXCEPTION:
      if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD)
        return "broker closed the connection: " +
               text_of(static_cast<const amqp_connection_close_t*>(reply.reply.decoded)->reply_text);
      if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD)
        return "broker closed the channel: " +
               text_of(static_cast<const amqp_channel_close_t*>(reply.reply.decoded)->reply_text);
      return "unexpected reply from the broker";
  }
  return "unknown failure";
}

// One connection's life; the destructor closes it without waiting for the
// broker, which may be gone.
class Session {
 public:
  Session() : state_(amqp_new_connection()) {}
  ~Session() { amqp_destroy_connection(state_); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Connects and starts consuming; the failure's description otherwise.
  std::optional<std::string> open(const BrokerOptions& o) {
    amqp_socket_t* socket = amqp_tcp_socket_new(state_);
    if (!socket) return std::string("cannot create a socket");
    timeval timeout = connect_timeout;
    if (const int status = amqp_socket_open_noblock(socket, o.host.c_str(), o.port, &timeout);
        status != AMQP_STATUS_OK)
      return std::string("cannot connect: ") + amqp_error_string2(status);
    timeval rpc = rpc_timeout;
    amqp_set_rpc_timeout(state_, &rpc);
    const amqp_rpc_reply_t login = amqp_login(state_, o.vhost.c_str(), 0, frame_max, heartbeat_seconds,
                                              AMQP_SASL_METHOD_PLAIN, o.user.c_str(), o.password.c_str());
    if (login.reply_type != AMQP_RESPONSE_NORMAL)
      return "login as '" + o.user + "' to vhost '" + o.vhost + "' failed: " + describe(login);
    amqp_channel_open(state_, channel);
    if (auto failed = failure("open a channel")) return failed;
    amqp_exchange_declare(state_, channel, amqp_cstring_bytes(profiling_exchange), amqp_cstring_bytes("fanout"),
                          /*passive=*/0, /*durable=*/0, /*auto_delete=*/0, /*internal=*/0, amqp_empty_table);
    if (auto failed = failure("declare the exchange 'profiling'")) return failed;
    const amqp_bytes_t queue = amqp_cstring_bytes(o.queue.c_str());
    amqp_queue_declare(state_, channel, queue, /*passive=*/0, /*durable=*/0, /*exclusive=*/0, /*auto_delete=*/0,
                       amqp_empty_table);
    if (auto failed = failure("declare the queue '" + o.queue + "'")) return failed;
    amqp_queue_bind(state_, channel, queue, amqp_cstring_bytes(profiling_exchange), amqp_empty_bytes,
                    amqp_empty_table);
    if (auto failed = failure("bind the queue")) return failed;
    amqp_basic_consume(state_, channel, queue, amqp_empty_bytes, /*no_local=*/0, /*no_ack=*/1, /*exclusive=*/0,
                       amqp_empty_table);
    if (auto failed = failure("consume the queue")) return failed;
    return std::nullopt;
  }

  // Hands message bodies over until `stopping` is set (nullopt) or the
  // connection fails (why).
  std::optional<std::string> consume(const std::atomic<bool>& stopping, const BrokerConsumer::OnMessage& on_message) {
    while (!stopping) {
      amqp_maybe_release_buffers(state_);
      amqp_envelope_t envelope;
      timeval wait = poll_interval;
      const amqp_rpc_reply_t reply = amqp_consume_message(state_, &envelope, &wait, 0);
      if (reply.reply_type == AMQP_RESPONSE_NORMAL) {
        on_message(std::string_view(static_cast<const char*>(envelope.message.body.bytes),
                                    envelope.message.body.len));
        amqp_destroy_envelope(&envelope);
        continue;
      }
      if (reply.reply_type != AMQP_RESPONSE_LIBRARY_EXCEPTION) return describe(reply);
      if (reply.library_error == AMQP_STATUS_TIMEOUT) continue;
      if (reply.library_error != AMQP_STATUS_UNEXPECTED_STATE) return describe(reply);
      // A frame other than a delivery: the broker closing the channel or the
      // connection (e.g. it is shutting down) ends this session.
      amqp_frame_t frame;
      if (amqp_simple_wait_frame(state_, &frame) != AMQP_STATUS_OK) return std::string("connection lost");
      if (frame.frame_type == AMQP_FRAME_METHOD && frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD)
        return "broker closed the connection: " +
               text_of(static_cast<const amqp_connection_close_t*>(frame.payload.method.decoded)->reply_text);
      if (frame.frame_type == AMQP_FRAME_METHOD && frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD)
        return "broker closed the channel: " +
               text_of(static_cast<const amqp_channel_close_t*>(frame.payload.method.decoded)->reply_text);
    }
    amqp_connection_close(state_, AMQP_REPLY_SUCCESS);
    return std::nullopt;
  }

 private:
  std::optional<std::string> failure(const std::string& what) {
    const amqp_rpc_reply_t reply = amqp_get_rpc_reply(state_);
    if (reply.reply_type == AMQP_RESPONSE_NORMAL) return std::nullopt;
    return "cannot " + what + ": " + describe(reply);
  }

  amqp_connection_state_t state_;
};

void sleep_unless_stopping(std::chrono::milliseconds duration, const std::atomic<bool>& stopping) {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (!stopping && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

}  // namespace

BrokerConsumer::BrokerConsumer(BrokerOptions options, OnMessage on_message, BrokerStatus& status)
    : options_(std::move(options)), on_message_(std::move(on_message)), status_(status) {}

void BrokerConsumer::run(const std::atomic<bool>& stopping) {
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  constexpr std::chrono::milliseconds first_delay{200}, longest_delay{2000};
  std::chrono::milliseconds delay = first_delay;
  std::string last_logged;  // the last failure logged; the same one again is not
  while (!stopping) {
    std::optional<std::string> failed;
    {
      Session session;
      failed = session.open(options_);
      if (!failed) {
        status_.connected = true;
        ++status_.connections;
        spdlog::info("connected to {}, consuming queue '{}'", where, options_.queue);
        last_logged.clear();
        delay = first_delay;
        failed = session.consume(stopping, on_message_);
        status_.connected = false;
        if (failed) failed = "connection lost: " + *failed;
      }
    }
    if (!failed) break;
    if (*failed != last_logged) {
      spdlog::error("RabbitMQ at {}: {}; retrying", where, *failed);
      last_logged = *failed;
    }
    sleep_unless_stopping(delay, stopping);
    delay = std::min(delay * 2, longest_delay);
  }
}

}  // namespace phanos::collector
