#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace phanos {

// Where and how the RabbitMQ handlers publish. Defaults are Python phanos'
// (ImpProfHandler's keyword arguments); vhost, hosts, confirm, the ssl
// settings and the last four are this port's additions.
struct RabbitParams {
  std::string host = "127.0.0.1";
  int port = 5672;
  std::string user = "guest";
  std::string password = "guest";
  std::string vhost = "/";
  // The nodes of a cluster, "host:port" ("[IPv6]:port", or a host alone for
  // 5672), in place of host and port when not empty: each connection
  // attempt tries them in order, the first one first again after every
  // loss (failed over in order and back).
  std::vector<std::string> hosts;
  int heartbeat = 47;          // seconds, negotiated with the broker
  double timeout = 23;         // seconds: to connect and log in, and how long a
                               // blocked (memory alarm) broker is waited for
  int retry = 3;               // connection attempts in one round
  double retry_delay = 0.137;  // seconds between two attempts of a round
  std::string exchange_name = "profiling";
  std::string exchange_type = "fanout";
  // Publisher confirms: a message counts as published once the broker
  // confirmed it (waited for at most `timeout`). ImpProfHandler drops and
  // counts one that was not; AsyncImpProfHandler publishes it again, with
  // the same message_id, after a reconnect; it waits for the confirms of
  // up to 32 messages at once.
  bool confirm = false;
  // TLS to the broker (AMQPS, port 5671 by convention: set `port` too).
  // Python phanos hands pika an SSLContext; these are its usual settings.
  bool ssl = false;
  std::string ssl_ca;               // PEM CA bundle; empty: the system's trust store
  std::string ssl_cert;             // the client's certificate (PEM), with ssl_key
  std::string ssl_key;              // its private key (PEM, not encrypted)
  bool ssl_verify_peer = true;      // the broker's certificate chains to a trusted CA
  bool ssl_verify_hostname = true;  // and is for `host`
  // AsyncImpProfHandler only: messages waiting to be published (beyond it,
  // new ones are dropped and counted), and how long the exit, or the
  // handler's destruction, waits for them to be published.
  std::size_t queue_capacity = 4096;
  double drain_timeout = 3;  // seconds
  // AsyncImpProfHandler only: waiting hand-overs of one metric are published
  // as one message (a JSON list of their records, in order) of at most this
  // many records and bytes; a hand-over beyond either goes alone.
  // ImpProfHandler publishes each hand-over as it comes, as Python does.
  std::size_t max_message_records = 1000;
  std::size_t max_message_bytes = 1 << 20;
};

}  // namespace phanos
