// The tests' independent view of the broker: binds a fresh exclusive queue
// to the "profiling" fanout exchange (declared as the handlers declare it)
// and prints every message that arrives, as one JSON line with what a
// consumer sees: exchange, routing key, content type (null when absent) and
// the body's exact bytes.
//
// Usage: consumer PORT SECONDS [MAX_MESSAGES]
// Prints "ready" once the queue is bound, then the messages; exits after
// SECONDS, or after MAX_MESSAGES messages.

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

std::string text(amqp_bytes_t bytes) { return std::string(static_cast<const char*>(bytes.bytes), bytes.len); }

void check(amqp_rpc_reply_t reply, const char* what) {
  if (reply.reply_type == AMQP_RESPONSE_NORMAL) return;
  std::cerr << "consumer: " << what << " failed (reply type " << reply.reply_type << ")\n";
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: consumer PORT SECONDS [MAX_MESSAGES]\n";
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(std::atof(argv[2]));
  const long max_messages = argc > 3 ? std::atol(argv[3]) : -1;

  amqp_connection_state_t connection = amqp_new_connection();
  amqp_socket_t* socket = amqp_tcp_socket_new(connection);
  if (amqp_socket_open(socket, "127.0.0.1", port) != AMQP_STATUS_OK) {
    std::cerr << "consumer: cannot connect to port " << port << "\n";
    return 1;
  }
  check(amqp_login(connection, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest"), "login");
  amqp_channel_open(connection, 1);
  check(amqp_get_rpc_reply(connection), "channel.open");
  amqp_exchange_declare(connection, 1, amqp_cstring_bytes("profiling"), amqp_cstring_bytes("fanout"), 0, 0, 0, 0,
                        amqp_empty_table);
  check(amqp_get_rpc_reply(connection), "exchange.declare");
  amqp_queue_declare_ok_t* declared =
      amqp_queue_declare(connection, 1, amqp_empty_bytes, 0, 0, /*exclusive=*/1, /*auto_delete=*/1, amqp_empty_table);
  check(amqp_get_rpc_reply(connection), "queue.declare");
  const amqp_bytes_t queue = amqp_bytes_malloc_dup(declared->queue);
  amqp_queue_bind(connection, 1, queue, amqp_cstring_bytes("profiling"), amqp_empty_bytes, amqp_empty_table);
  check(amqp_get_rpc_reply(connection), "queue.bind");
  amqp_basic_consume(connection, 1, queue, amqp_empty_bytes, 0, /*no_ack=*/1, 0, amqp_empty_table);
  check(amqp_get_rpc_reply(connection), "basic.consume");
  std::cout << "ready" << std::endl;

  long received = 0;
  while (max_messages < 0 || received < max_messages) {
    const auto left = until - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
    timeval timeout{static_cast<time_t>(micros / 1000000), static_cast<suseconds_t>(micros % 1000000)};
    amqp_envelope_t envelope;
    amqp_maybe_release_buffers(connection);
    const amqp_rpc_reply_t reply = amqp_consume_message(connection, &envelope, &timeout, 0);
    if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == AMQP_STATUS_TIMEOUT) break;
    check(reply, "consume");
    const auto& properties = envelope.message.properties;
    nlohmann::ordered_json line;
    line["exchange"] = text(envelope.exchange);
    line["routing_key"] = text(envelope.routing_key);
    line["content_type"] = (properties._flags & AMQP_BASIC_CONTENT_TYPE_FLAG)
                               ? nlohmann::ordered_json(text(properties.content_type))
                               : nlohmann::ordered_json(nullptr);
    line["message_id"] = (properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG)
                             ? nlohmann::ordered_json(text(properties.message_id))
                             : nlohmann::ordered_json(nullptr);
    line["properties_flags"] = properties._flags;
    line["raw_body"] = text(envelope.message.body);
    std::cout << line.dump() << std::endl;
    amqp_destroy_envelope(&envelope);
    ++received;
  }
  amqp_bytes_free(queue);
  amqp_connection_close(connection, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(connection);
  return 0;
}
