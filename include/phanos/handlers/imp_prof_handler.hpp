#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "phanos/handler.hpp"
#include "phanos/handlers/rabbit_params.hpp"

namespace phanos {
namespace detail {
class RabbitPublisher;
}

// Publishes each handle() call as one message to a RabbitMQ exchange, in the
// caller's thread: body to_json(records), routing key the records' job, as
// Python phanos does. Unlike Python it never throws when the broker is
// unreachable: it logs, drops the message (counted), and reconnects with
// back-off; while the broker blocks publishers (memory alarm) a call waits
// at most `timeout`, and later calls drop at once until it unblocks.
class ImpProfHandler : public Handler {
 public:
  explicit ImpProfHandler(std::string handler_name, RabbitParams params = {});
  ~ImpProfHandler() override;
  void handle(const std::vector<Record>& records, std::string_view profiler_name) override;

  // Messages that could not be published.
  std::uint64_t dropped() const noexcept;

 private:
  std::mutex publishing_;  // one connection, shared by the calling threads
  std::unique_ptr<detail::RabbitPublisher> publisher_;
  bool gave_up_on_blocked_ = false;  // guarded by publishing_
  std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace phanos
