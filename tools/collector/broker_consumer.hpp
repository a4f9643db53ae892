#pragma once
// The AMQP side (rabbitmq-c): connects, declares the "profiling" fanout
// exchange as the handlers do, declares the queue (not durable, not
// exclusive, not auto-deleted: it keeps collecting while the collector
// restarts) and binds it, then hands every message body over. When the
// connection fails or the broker goes away it logs that once per change and
// reconnects with back-off (0.2 s doubling to 2 s), declaring everything
// again: a restarted broker has forgotten a non-durable queue.
//
// Messages are consumed without acknowledgements: a record lost when the
// collector dies is a sample lost, and the broker then never holds
// delivered messages for it.

#include <atomic>
#include <functional>
#include <string>
#include <string_view>

#include "broker_status.hpp"

namespace phanos::collector {

struct BrokerOptions {
  std::string host;
  int port = 5672;
  std::string user, password, vhost;
  std::string queue;
};

inline constexpr const char* profiling_exchange = "profiling";

class BrokerConsumer {
 public:
  using OnMessage = std::function<void(std::string_view body)>;
  BrokerConsumer(BrokerOptions options, OnMessage on_message, BrokerStatus& status);

  // Consumes until `stopping` is set; returns within about half a second of it.
  void run(const std::atomic<bool>& stopping);

 private:
  BrokerOptions options_;
  OnMessage on_message_;
  BrokerStatus& status_;
};

}  // namespace phanos::collector
