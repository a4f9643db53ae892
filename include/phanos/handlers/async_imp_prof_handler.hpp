#pragma once

#include <cstdint>
#include <memory>

#include "phanos/handler.hpp"
#include "phanos/handlers/rabbit_params.hpp"

namespace phanos {
namespace detail {
class AsyncPublisher;
}

// ImpProfHandler's messages, published by a background thread: handle()
// only serialises the records and puts the message in a bounded queue
// (RabbitParams::queue_capacity). When the queue is full, because the broker
// is down, blocked or slow, the message is dropped and counted, never
// waited for; drops are logged at most every few seconds. At destruction and
// at program exit the queue is published for at most
// RabbitParams::drain_timeout, then given up.
class AsyncImpProfHandler : public Handler {
 public:
  explicit AsyncImpProfHandler(std::string handler_name, RabbitParams params = {});
  ~AsyncImpProfHandler() override;
  void handle(const std::vector<Record>& records, std::string_view profiler_name) override;

  // Messages dropped because the queue was full, or not published by exit.
  std::uint64_t dropped() const noexcept;

 private:
  std::shared_ptr<detail::AsyncPublisher> publisher_;  // shared with its thread
};

}  // namespace phanos
