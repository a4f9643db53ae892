#include "amqp_connection.hpp"

#include <amqp_tcp_socket.h>
#include <sys/socket.h>

#include <algorithm>
#include <utility>

#include "escaped_for_log.hpp"
#include "tcp_connect.hpp"
#include "tls_connect.hpp"
#include "to_timeval.hpp"

namespace phanos::detail {
namespace {

// rabbitmq-c's text for a status; a TLS error with OpenSSL's reason: the
// broker's TLS alert ("tlsv13 alert certificate required": with TLS 1.3 a
// refused client certificate shows after the handshake), or, when the
// broker closed the connection before the alert was read, that.
std::string status_text(int status) {
  const std::string text = amqp_error_string2(status);
  return status == AMQP_STATUS_SSL_ERROR ? text + ": " + openssl_reason("the broker closed the TLS connection") : text;
}

// What the broker says goes into log lines.
std::string text_of(amqp_bytes_t bytes) {
  return escaped_for_log(std::string_view(static_cast<const char*>(bytes.bytes), bytes.len));
}

// A connection.close or channel.close the broker sent; empty for other methods.
std::string closed_by_broker(const amqp_method_t& method) {
  if (method.id == AMQP_CONNECTION_CLOSE_METHOD)
    return "broker closed the connection: " +
           text_of(static_cast<const amqp_connection_close_t*>(method.decoded)->reply_text);
  if (method.id == AMQP_CHANNEL_CLOSE_METHOD)
    return "broker closed the channel: " +
           text_of(static_cast<const amqp_channel_close_t*>(method.decoded)->reply_text);
  return "";
}

// What the broker or the library said when an RPC failed.
std::string describe(const amqp_rpc_reply_t& reply) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
      return "no error";
    case AMQP_RESPONSE_NONE:
      return "no reply from the broker";
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
      return status_text(reply.library_error);
    case AMQP_RESPONSE_SERVER_EXCEPTION: {
      const std::string closed = closed_by_broker(reply.reply);
      return closed.empty() ? "unexpected reply from the broker" : closed;
    }
  }
  return "unknown failure";
}

amqp_field_value_t boolean_value(bool value) {
  amqp_field_value_t field{};
  field.kind = AMQP_FIELD_KIND_BOOLEAN;
  field.value.boolean = value;
  return field;
}

amqp_table_entry_t entry(const char* key, amqp_field_value_t value) {
  amqp_table_entry_t result{};
  result.key = amqp_cstring_bytes(key);
  result.value = value;
  return result;
}

constexpr int channel = 1;
constexpr int frame_max = 131072;  // the broker's default

}  // namespace

AmqpConnection::~AmqpConnection() { close(); }

std::optional<std::string> AmqpConnection::open(const AmqpEndpoint& endpoint, std::chrono::duration<double> timeout) {
  close();
  state_ = amqp_new_connection();
  if (!state_) return std::string("out of memory");
  if (auto failed = connect_socket(endpoint, timeout)) return lost(*failed);
  {
    std::lock_guard<std::mutex> lock(socket_);
    socket_fd_ = amqp_get_sockfd(state_);
  }
  timeval limit = to_timeval(timeout);
  amqp_set_handshake_timeout(state_, &limit);
  amqp_set_rpc_timeout(state_, &limit);

  // Without these capabilities the broker neither says why a login failed
  // (it just hangs up) nor tells us it stopped reading (memory alarm).
  amqp_table_entry_t capabilities[] = {entry("authentication_failure_close", boolean_value(true)),
                                       entry("connection.blocked", boolean_value(true))};
  amqp_field_value_t capability_table{};
  capability_table.kind = AMQP_FIELD_KIND_TABLE;
  capability_table.value.table = {2, capabilities};
  amqp_field_value_t product{};
  product.kind = AMQP_FIELD_KIND_UTF8;
  product.value.bytes = amqp_cstring_bytes("phanos for C++");
  amqp_table_entry_t properties[] = {entry("capabilities", capability_table), entry("product", product)};
  const amqp_table_t property_table{2, properties};

  const amqp_rpc_reply_t login =
      amqp_login_with_properties(state_, endpoint.vhost.c_str(), 0, frame_max, endpoint.heartbeat, &property_table,
                                 AMQP_SASL_METHOD_PLAIN, endpoint.user.c_str(), endpoint.password.c_str());
  if (login.reply_type != AMQP_RESPONSE_NORMAL) {
    return lost("login as '" + escaped_for_log(endpoint.user) + "' to vhost '" + escaped_for_log(endpoint.vhost) +
                "' failed: " + describe(login));
  }
  amqp_channel_open(state_, channel);
  if (auto failed = failed_rpc("open a channel")) return failed;
  amqp_exchange_declare(state_, channel, amqp_cstring_bytes(endpoint.exchange_name.c_str()),
                        amqp_cstring_bytes(endpoint.exchange_type.c_str()), /*passive=*/0, /*durable=*/0,
                        /*auto_delete=*/0, /*internal=*/0, amqp_empty_table);
  if (auto failed = failed_rpc("declare exchange '" + escaped_for_log(endpoint.exchange_name) + "' of type '" +
                               escaped_for_log(endpoint.exchange_type) + "'"))
    return failed;
  exchange_name_ = endpoint.exchange_name;
  // The routing key is the job: a topic exchange gives every job to "#",
  // a fanout one ignores the key, a direct one gives only the key bound.
  binding_key_ = endpoint.exchange_type == "topic" ? "#" : "";
  return std::nullopt;
}

std::optional<std::string> AmqpConnection::connect_socket(const AmqpEndpoint& endpoint,
                                                          std::chrono::duration<double> timeout) {
  if (endpoint.tls.enabled)
    return tls_connect(state_, endpoint.host, endpoint.port, endpoint.tls, timeout, certificate_check_);
  amqp_socket_t* socket = amqp_tcp_socket_new(state_);
  if (!socket) return std::string("cannot create a socket");
  const auto connected = tcp_connect(endpoint.host, endpoint.port, timeout);
  if (const auto* error = std::get_if<std::string>(&connected)) return *error;
  amqp_tcp_socket_set_sockfd(socket, std::get<int>(connected));  // rabbitmq-c owns it from now on
  return std::nullopt;
}

std::optional<std::string> AmqpConnection::failed_rpc(const std::string& what) {
  const amqp_rpc_reply_t reply = amqp_get_rpc_reply(state_);
  if (reply.reply_type == AMQP_RESPONSE_NORMAL) return std::nullopt;
  return lost("cannot " + what + ": " + describe(reply));
}

std::optional<std::string> AmqpConnection::consume(const std::string& queue, QueueOptions options) {
  if (!state_) return std::string("not connected");
  const amqp_bytes_t name = amqp_cstring_bytes(queue.c_str());
  amqp_field_value_t quorum{};
  quorum.kind = AMQP_FIELD_KIND_UTF8;
  quorum.value.bytes = amqp_cstring_bytes("quorum");
  amqp_table_entry_t quorum_type[] = {entry("x-queue-type", quorum)};
  const amqp_table_t arguments = options.quorum ? amqp_table_t{1, quorum_type} : amqp_empty_table;
  amqp_queue_declare(state_, channel, name, /*passive=*/0, /*durable=*/options.quorum, /*exclusive=*/0,
                     /*auto_delete=*/0, arguments);
  if (auto failed = failed_rpc("declare the " + std::string(options.quorum ? "quorum" : "classic") + " queue '" +
                               escaped_for_log(queue) + "'"))
    return failed;
  amqp_basic_qos(state_, channel, 0, options.prefetch, /*global=*/0);
  if (auto failed = failed_rpc("set the prefetch count")) return failed;
  amqp_queue_bind(state_, channel, name, amqp_cstring_bytes(exchange_name_.c_str()),
                  amqp_cstring_bytes(binding_key_.c_str()), amqp_empty_table);
  if (auto failed = failed_rpc("bind the queue to exchange '" + escaped_for_log(exchange_name_) + "'")) return failed;
  amqp_basic_consume(state_, channel, name, amqp_empty_bytes, /*no_local=*/0, /*no_ack=*/0, /*exclusive=*/0,
                     amqp_empty_table);
  if (auto failed = failed_rpc("consume the queue")) return failed;
  return std::nullopt;
}

std::optional<std::string> AmqpConnection::next_message(std::chrono::duration<double> wait, const OnMessage& on_message,
                                                        Acknowledge acknowledge) {
  if (!state_) return std::string("not connected");
  amqp_maybe_release_buffers(state_);
  amqp_envelope_t envelope;
  timeval limit = to_timeval(wait);
  const amqp_rpc_reply_t reply = amqp_consume_message(state_, &envelope, &limit, 0);
  if (reply.reply_type == AMQP_RESPONSE_NORMAL) {
    const amqp_basic_properties_t& properties = envelope.message.properties;
    const bool has_id = (properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG) != 0;
    on_message(Delivery{
        std::string_view(static_cast<const char*>(envelope.message.body.bytes), envelope.message.body.len),
        has_id ? std::string_view(static_cast<const char*>(properties.message_id.bytes), properties.message_id.len)
               : std::string_view(),
        envelope.delivery_tag});
    const std::uint64_t delivery_tag = envelope.delivery_tag;
    amqp_destroy_envelope(&envelope);
    if (acknowledge == Acknowledge::by_caller) return std::nullopt;
    const int acked = amqp_basic_ack(state_, channel, delivery_tag, /*multiple=*/0);
    if (acked != AMQP_STATUS_OK) return lost(status_text(acked));
    return std::nullopt;
  }
  if (reply.reply_type != AMQP_RESPONSE_LIBRARY_EXCEPTION) return lost(describe(reply));
  if (reply.library_error == AMQP_STATUS_TIMEOUT) return std::nullopt;
  if (reply.library_error != AMQP_STATUS_UNEXPECTED_STATE) return lost(describe(reply));
  // A frame other than a delivery: the broker closing the channel or the
  // connection (e.g. it is shutting down) ends this connection.
  amqp_frame_t frame;
  if (amqp_simple_wait_frame(state_, &frame) != AMQP_STATUS_OK) return lost("connection lost");
  if (frame.frame_type != AMQP_FRAME_METHOD) return std::nullopt;
  const std::string closed = closed_by_broker(frame.payload.method);
  return closed.empty() ? std::nullopt : lost(closed);
}

std::optional<std::string> AmqpConnection::acknowledge_through(std::uint64_t delivery_tag) {
  if (!state_) return std::string("not connected");
  const int acked = amqp_basic_ack(state_, channel, delivery_tag, /*multiple=*/1);
  if (acked != AMQP_STATUS_OK) return lost(status_text(acked));
  return std::nullopt;
}

void AmqpConnection::close_gracefully(std::chrono::duration<double> limit) noexcept {
  // A blocked broker reads nothing, so would not answer either.
  if (state_ && !blocked_) {
    const timeval bound = to_timeval(limit);
    amqp_set_rpc_timeout(state_, &bound);
    amqp_connection_close(state_, AMQP_REPLY_SUCCESS);
  }
  close();
}

void AmqpConnection::close() noexcept {
  if (!state_) return;
  {
    std::lock_guard<std::mutex> lock(socket_);
    socket_fd_ = -1;
  }
  // No goodbye here (see close_gracefully): the connection may be broken.
  amqp_destroy_connection(state_);
  state_ = nullptr;
  blocked_ = false;
  confirming_ = false;
}

std::optional<std::string> AmqpConnection::lost(std::string reason) {
  close();
  return reason;
}

std::optional<std::string> AmqpConnection::handle_method(const amqp_method_t& method) {
  switch (method.id) {
    case AMQP_CONNECTION_BLOCKED_METHOD:
      blocked_ = true;
      break;
    case AMQP_CONNECTION_UNBLOCKED_METHOD:
      blocked_ = false;
      break;
    case AMQP_BASIC_ACK_METHOD: {
      const auto* ack = static_cast<const amqp_basic_ack_t*>(method.decoded);
      // Acknowledgements come in order; `multiple` covers every tag up to it.
      confirmed_ = std::max(confirmed_, ack->delivery_tag);
      break;
    }
    case AMQP_BASIC_NACK_METHOD: {
      const auto* nack = static_cast<const amqp_basic_nack_t*>(method.decoded);
      confirmed_ = std::max(confirmed_, nack->delivery_tag);
      refused_ = true;
      break;
    }
    case AMQP_CONNECTION_CLOSE_METHOD:
    case AMQP_CHANNEL_CLOSE_METHOD:
      return lost(closed_by_broker(method));
    default:
      break;
  }
  return std::nullopt;
}

std::optional<std::string> AmqpConnection::poll(std::chrono::duration<double> wait) {
  if (!state_) return std::string("not connected");
  timeval limit = to_timeval(wait);
  for (;;) {
    amqp_maybe_release_buffers(state_);  // the previous frame is done with
    amqp_frame_t frame;
    const int status = amqp_simple_wait_frame_noblock(state_, &frame, &limit);
    if (status == AMQP_STATUS_TIMEOUT) return std::nullopt;
    if (status != AMQP_STATUS_OK) return lost(status_text(status));
    limit = timeval{};  // read whatever else has arrived, without waiting
    if (frame.frame_type != AMQP_FRAME_METHOD) continue;
    if (auto closed = handle_method(frame.payload.method)) return closed;
  }
}

std::optional<std::string> AmqpConnection::confirm_publishing() {
  if (!state_) return std::string("not connected");
  amqp_confirm_select(state_, channel);
  if (auto failed = failed_rpc("turn on publisher confirms")) return failed;
  confirming_ = true;
  published_ = confirmed_ = 0;
  refused_ = false;
  return std::nullopt;
}

std::optional<std::string> AmqpConnection::await_confirms(std::chrono::duration<double> limit) {
  if (!state_) return std::string("not connected");
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(limit);
  while (confirmed_ < published_) {
    const std::chrono::duration<double> left = deadline - Clock::now();
    if (left.count() <= 0) return std::string("no confirm from the broker in time");
    timeval wait = to_timeval(left);
    amqp_maybe_release_buffers(state_);
    amqp_frame_t frame;
    const int status = amqp_simple_wait_frame_noblock(state_, &frame, &wait);
    if (status == AMQP_STATUS_TIMEOUT) continue;
    if (status != AMQP_STATUS_OK) return lost(status_text(status));
    if (frame.frame_type != AMQP_FRAME_METHOD) continue;
    if (auto closed = handle_method(frame.payload.method)) return closed;
  }
  if (!std::exchange(refused_, false)) return std::nullopt;
  return std::string("the broker refused a message (basic.nack)");
}

std::optional<std::string> AmqpConnection::publish(const std::string& exchange, std::string_view routing_key,
                                                   std::string_view body, const std::string& message_id) {
  if (!state_) return std::string("not connected");
  const std::string key(routing_key);  // rabbitmq-c wants it NUL-terminated
  amqp_bytes_t payload;
  payload.len = body.size();
  payload.bytes = const_cast<char*>(body.data());  // only read
  // Python phanos sends no properties; these two only add to what a
  // consumer may read: what the body is, and what to drop a repeat by.
  amqp_basic_properties_t properties{};
  properties._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_MESSAGE_ID_FLAG;
  properties.content_type = amqp_cstring_bytes("application/json");
  properties.message_id = amqp_cstring_bytes(message_id.c_str());
  const int status =
      amqp_basic_publish(state_, channel, amqp_cstring_bytes(exchange.c_str()), amqp_cstring_bytes(key.c_str()),
                         /*mandatory=*/0, /*immediate=*/0, &properties, payload);
  if (status != AMQP_STATUS_OK) return lost(status_text(status));
  if (confirming_) ++published_;
  return std::nullopt;
}

void AmqpConnection::abort() noexcept {
  std::lock_guard<std::mutex> lock(socket_);
  if (socket_fd_ >= 0) ::shutdown(socket_fd_, SHUT_RDWR);
}

}  // namespace phanos::detail
