#include "phanos/handlers/async_imp_prof_handler.hpp"

#include "async_publisher.hpp"

namespace phanos {

AsyncImpProfHandler::AsyncImpProfHandler(std::string handler_name, RabbitParams params)
    : Handler(std::move(handler_name)),
      publisher_(detail::AsyncPublisher::start(this->handler_name(), std::move(params))) {}

AsyncImpProfHandler::~AsyncImpProfHandler() { publisher_->finish(); }

void AsyncImpProfHandler::handle(const std::vector<Record>& records, std::string_view profiler_name) {
  if (!records.empty()) publisher_->enqueue(records, profiler_name);
}

std::uint64_t AsyncImpProfHandler::dropped() const noexcept { return publisher_->dropped(); }

}  // namespace phanos
