#include "phanos/handlers/imp_prof_handler.hpp"

#include <atomic>
#include <sstream>

#include "log.hpp"
#include "phanos/format.hpp"
#include "rabbit_publisher.hpp"

namespace phanos {

ImpProfHandler::ImpProfHandler(std::string handler_name, RabbitParams params)
    : Handler(std::move(handler_name)),
      publisher_(std::make_unique<detail::RabbitPublisher>("ImpProfHandler", this->handler_name(), std::move(params))) {
  // As Python, connect (and declare the exchange) now; unlike Python, a
  // broker that is not there is only logged.
  publisher_->connect(std::chrono::duration<double>(publisher_->params().timeout));
}

// The broker gets as long to take the last messages as it gets to log in.
// A child leaves the parent's connection (and its memory) as it found it.
ImpProfHandler::~ImpProfHandler() {
  if (publisher_->inherited()) {
    static_cast<void>(publisher_.release());
    return;
  }
  publisher_->close(std::chrono::duration<double>(publisher_->params().timeout));
}

void ImpProfHandler::handle(const std::vector<Record>& records, std::string_view) {
  if (records.empty()) return;
  // Checked before the lock, which another thread of the parent may have
  // held at the fork.
  if (publisher_->inherited()) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  const std::string body = to_json(records);
  std::lock_guard<std::mutex> lock(publishing_);
  // Once a blocked broker was waited for `timeout` in vain, later messages
  // are dropped without waiting until it unblocks: the program must not be
  // slowed by `timeout` on every call.
  const double blocked_wait = gave_up_on_blocked_ ? 0.0 : publisher_->params().timeout;
  const auto outcome = publisher_->publish(records.front().job, body, std::chrono::duration<double>(blocked_wait));
  gave_up_on_blocked_ = outcome == detail::RabbitPublisher::Outcome::blocked;
  if (outcome == detail::RabbitPublisher::Outcome::sent) return;
  if (outcome == detail::RabbitPublisher::Outcome::blocked && blocked_wait > 0) {
    std::ostringstream message;
    message << publisher_->who() << ": gave up waiting " << blocked_wait
            << " s for the blocked broker; messages are dropped until it unblocks";
    detail::log_warning(message.str());
  }
  dropped_.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t ImpProfHandler::dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }

}  // namespace phanos
