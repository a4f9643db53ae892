#pragma once

#include <cstdint>
#include <memory>

#include "phanos/handler.hpp"
#include "phanos/handlers/rabbit_params.hpp"

namespace phanos {

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
  struct Publishing;                        // the connection and what is known of the broker
  std::shared_ptr<Publishing> publishing_;  // shared with the goodbye at exit
};

}  // namespace phanos
