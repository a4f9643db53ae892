#include "phanos/handlers/imp_prof_handler.hpp"

#include <atomic>
#include <mutex>
#include <sstream>

#include "finish_at_exit.hpp"
#include "log.hpp"
#include "phanos/format.hpp"
#include "rabbit_publisher.hpp"

namespace phanos {

struct ImpProfHandler::Publishing : detail::FinishesAtExit {
  Publishing(std::string_view handler_name, RabbitParams params)
      : publisher("ImpProfHandler", handler_name, std::move(params)) {}

  // Says goodbye: the broker gets as long to take the last messages as it
  // gets to log in (a connection merely dropped at exit may lose them). A
  // child leaves the parent's connection as it found it. A message
  // published later (a profiled call during static destruction) connects
  // again.
  void finish() noexcept override {
    if (publisher.inherited()) return;
    std::lock_guard<std::mutex> held(lock);
    publisher.close(std::chrono::duration<double>(publisher.params().timeout));
  }

  std::mutex lock;  // one connection, shared by the calling threads
  detail::RabbitPublisher publisher;
  bool gave_up_on_blocked = false;  // guarded by lock
  std::atomic<std::uint64_t> dropped{0};
};

ImpProfHandler::ImpProfHandler(std::string handler_name, RabbitParams params)
    : Handler(std::move(handler_name)),
      publishing_(std::make_shared<Publishing>(this->handler_name(), std::move(params))) {
  // As Python, connect (and declare the exchange) now; unlike Python, a
  // broker that is not there is only logged.
  publishing_->publisher.connect(std::chrono::duration<double>(publishing_->publisher.params().timeout));
  detail::finish_at_exit(publishing_);
}

// A child leaves the parent's connection (and its memory) as it found it:
// the parent's state is kept, never destroyed.
ImpProfHandler::~ImpProfHandler() {
  if (publishing_->publisher.inherited()) {
    static_cast<void>(new std::shared_ptr<Publishing>(std::move(publishing_)));
    return;
  }
  publishing_->finish();
}

void ImpProfHandler::handle(const std::vector<Record>& records, std::string_view) {
  if (records.empty()) return;
  Publishing& state = *publishing_;
  // Checked before the lock, which another thread of the parent may have
  // held at the fork.
  if (state.publisher.inherited()) {
    state.dropped.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  const std::string body = to_json(records);
  std::lock_guard<std::mutex> lock(state.lock);
  // Once a blocked broker was waited for `timeout` in vain, later messages
  // are dropped without waiting until it unblocks: the program must not be
  // slowed by `timeout` on every call.
  const double blocked_wait = state.gave_up_on_blocked ? 0.0 : state.publisher.params().timeout;
  const auto outcome = state.publisher.publish(records.front().job, body, state.publisher.next_message_id(),
                                               std::chrono::duration<double>(blocked_wait));
  state.gave_up_on_blocked = outcome == detail::RabbitPublisher::Outcome::blocked;
  if (outcome == detail::RabbitPublisher::Outcome::sent) return;
  if (outcome == detail::RabbitPublisher::Outcome::blocked && blocked_wait > 0) {
    std::ostringstream message;
    message << state.publisher.who() << ": gave up waiting " << blocked_wait
            << " s for the blocked broker; messages are dropped until it unblocks";
    detail::log_warning(message.str());
  }
  state.dropped.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t ImpProfHandler::dropped() const noexcept { return publishing_->dropped.load(std::memory_order_relaxed); }

}  // namespace phanos
