#pragma once
// The AMQP side, on the AMQP layer the RabbitMQ handlers use (runtime/amqp):
// connects, declares the exchange as the handlers do (by default the
// "profiling" fanout exchange), declares the queue (not durable, not
// exclusive, not auto-deleted: it keeps collecting while the collector
// restarts) and binds it, then hands every message body over. When the
// connection fails or the broker goes away it logs that as the handlers do
// (a failure once until it changes) and reconnects with back-off (0.2 s
// doubling to 2 s), declaring everything again: a restarted broker has
// forgotten a non-durable queue.
//
// Messages are consumed without acknowledgements: a record lost when the
// collector dies is a sample lost, and the broker then never holds
// delivered messages for it.

#include <atomic>
#include <functional>
#include <string>
#include <string_view>

#include "amqp_connection.hpp"
#include "broker_status.hpp"

namespace phanos::collector {

class BrokerConsumer {
 public:
  using OnMessage = std::function<void(std::string_view body)>;
  // The endpoint's heartbeat is the collector's own (30 s).
  BrokerConsumer(detail::AmqpEndpoint endpoint, std::string queue, OnMessage on_message, BrokerStatus& status);

  // Consumes until `stopping` is set; returns within about half a second of it.
  void run(const std::atomic<bool>& stopping);

 private:
  detail::AmqpEndpoint endpoint_;
  std::string queue_;
  OnMessage on_message_;
  BrokerStatus& status_;
};

}  // namespace phanos::collector
