#include "hand_over.hpp"

#include "log.hpp"
#include "registry.hpp"
#include "thread_state.hpp"

namespace phanos::detail {
namespace {

// Profiled calls made by handlers are not tracked while this is alive (see
// CallScope), so a handler cannot feed records back into its own hand-over.
class HandingOver {
 public:
  explicit HandingOver(ThreadState& state) : state_(state) { state_.handing_over = true; }
  ~HandingOver() { state_.handing_over = false; }
  HandingOver(const HandingOver&) = delete;
  HandingOver& operator=(const HandingOver&) = delete;

 private:
  ThreadState& state_;
};

std::vector<Record> records_of(std::vector<WaitingRecord>& waiting, std::uint64_t metric_id) {
  std::vector<Record> records;
  for (WaitingRecord& entry : waiting) {
    if (entry.metric_id == metric_id) records.push_back(std::move(entry.record));
  }
  return records;
}

}  // namespace

void hand_over_records(ThreadState& state) noexcept {
  try {
    HandingOver guard(state);
    const std::shared_ptr<const Registry> registry = registry_snapshot();
    // Records of metrics deleted meanwhile are dropped here.
    std::vector<WaitingRecord> waiting = take_waiting_records(state);
    for (const RegisteredMetric& entry : registry->metrics) {
      const Metric& metric = *entry.metric;
      const std::vector<Record> records = records_of(waiting, metric_id(metric));
      if (!records.empty()) {
        for (const RegisteredHandler& handler : registry->handlers) {
          run_reporting_failure(*handler.failures, "handler", handler.handler->handler_name(),
                                [&] { handler.handler->handle(records, metric.name()); });
        }
      }
      run_reporting_failure(*entry.failures, "cleanup() of metric", metric.name(),
                            [&] { entry.metric->cleanup(); });
    }
  } catch (...) {
    log_error("records could not be handed over and are lost (out of memory?)");
  }
}

}  // namespace phanos::detail
