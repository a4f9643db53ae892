#pragma once
// What the AMQP consumer reports about its connection, read by /metrics
// from another thread.

#include <atomic>
#include <cstdint>

namespace phanos::collector {

struct BrokerStatus {
  std::atomic<bool> connected{false};
  std::atomic<std::uint64_t> connections{0};  // successful ones; more than 1 means it reconnected
};

}  // namespace phanos::collector
