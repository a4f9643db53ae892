// The tests' own publisher (rabbitmq-c): publishes message bodies to the
// "profiling" fanout exchange as any client could, whatever they hold.
//
// Usage: publisher PORT ROUTING_KEY [REPEAT [MESSAGE_ID]]
// Reads one JSON string per line on stdin (the body, JSON-encoded so that
// any bytes fit on a line) and publishes each REPEAT times (default 1), all
// with the property message_id MESSAGE_ID when given (as a publisher that
// sends a message again does); prints "published N" at the end.

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: publisher PORT ROUTING_KEY [REPEAT [MESSAGE_ID]]\n";
    return 2;
  }
  const long repeat = argc > 3 ? std::atol(argv[3]) : 1;
  amqp_basic_properties_t properties{};
  if (argc > 4) {
    properties._flags = AMQP_BASIC_MESSAGE_ID_FLAG;
    properties.message_id = amqp_cstring_bytes(argv[4]);
  }
  amqp_connection_state_t connection = amqp_new_connection();
  amqp_socket_t* socket = amqp_tcp_socket_new(connection);
  if (amqp_socket_open(socket, "127.0.0.1", std::atoi(argv[1])) != AMQP_STATUS_OK) {
    std::cerr << "publisher: cannot connect\n";
    return 1;
  }
  if (amqp_login(connection, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest").reply_type !=
      AMQP_RESPONSE_NORMAL) {
    std::cerr << "publisher: login failed\n";
    return 1;
  }
  amqp_channel_open(connection, 1);
  if (amqp_get_rpc_reply(connection).reply_type != AMQP_RESPONSE_NORMAL) {
    std::cerr << "publisher: channel.open failed\n";
    return 1;
  }
  long published = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::string body = nlohmann::json::parse(line).get<std::string>();
    const amqp_bytes_t bytes{body.size(), const_cast<char*>(body.data())};
    for (long i = 0; i < repeat; ++i) {
      if (amqp_basic_publish(connection, 1, amqp_cstring_bytes("profiling"), amqp_cstring_bytes(argv[2]), 0, 0,
                             &properties, bytes) != AMQP_STATUS_OK) {
        std::cerr << "publisher: publish failed after " << published << " messages\n";
        return 1;
      }
      ++published;
    }
  }
  // A clean close makes the broker take every message published before it.
  amqp_channel_close(connection, 1, AMQP_REPLY_SUCCESS);
  amqp_connection_close(connection, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(connection);
  std::cout << "published " << published << std::endl;
  return 0;
}
