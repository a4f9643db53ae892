#include "hand_over.hpp"

#include <algorithm>
#include <atomic>

#include "log.hpp"
#include "python_format.hpp"
#include "registry.hpp"
#include "thread_state.hpp"

namespace phanos::detail {

std::atomic<std::uint64_t> hand_over_requests{0};

namespace {

RecordBatch& batch_of(HandOverBuffers& buffers, std::uint64_t metric_id) {
  for (auto& [id, batch] : buffers.batches) {
    if (id == metric_id) return batch;
  }
  return buffers.batches.emplace_back(metric_id, RecordBatch{}).second;
}

bool registered(const Registry& registry, std::uint64_t id) {
  return std::any_of(registry.metrics.begin(), registry.metrics.end(),
                     [&](const RegisteredMetric& m) { return metric_id(*m.metric) == id; });
}

// Batches of metrics deleted since are dropped with their buffers.
void drop_batches_of_deleted_metrics(HandOverBuffers& buffers, const Registry& registry) {
  if (buffers.batches.size() <= registry.metrics.size()) return;
  auto deleted = [&](const auto& entry) { return !registered(registry, entry.first); };
  buffers.batches.erase(std::remove_if(buffers.batches.begin(), buffers.batches.end(), deleted), buffers.batches.end());
}

const std::vector<Record>& records_of(const Metric& metric, TakenRecords& taken, double milliseconds_per_tick,
                                      RecordBatch& batch) {
  const std::uint64_t id = metric_id(metric);
  batch.start(taken.shared.size() + taken.entries.size(), [&] {
    std::size_t count = 0;
    for (const SharedRecord& shared : taken.shared) count += shared.metric_id == id ? 1 : 0;
    taken.for_each_of_metric(id, [&](const WaitingEntry&, std::int64_t) { ++count; });
    return count;
  });
  for (SharedRecord& shared : taken.shared) {
    if (shared.metric_id == id) batch.add(shared.record);
  }
  // Inline at -O2 too: a call per entry would save registers around each.
  taken.for_each_of_metric(
      id, [&](const WaitingEntry& entry, std::int64_t payload) __attribute__((always_inline)) {
        if (const ContextNode* node = entry.node(); node == nullptr) {
          batch.add(taken.whole[static_cast<std::size_t>(payload)]);
        } else if (entry.is_observation()) {
          batch.add_observation(metric, *node, entry.error_raised(),
                                taken.observations[static_cast<std::size_t>(payload)]);
        } else {
          const double milliseconds = static_cast<double>(payload) * milliseconds_per_tick;
          batch.add_time(metric, *node, python_round(milliseconds, 2), entry.error_raised());
        }
      });
  return batch.finish();
}

}  // namespace

void hand_over_records(ThreadState& state) noexcept {
  try {
    // Profiled calls made by handlers are not tracked meanwhile (see
    // CallScope), so a handler cannot feed records into its own hand-over.
    const BusyThread busy(state);
    const std::shared_ptr<const Registry> registry = registry_snapshot();
    HandOverBuffers& buffers = state.hand_over;
    state.hand_over_requests_answered = hand_over_requests_made();
    // Records of metrics deleted meanwhile are dropped here.
    take_waiting_records(state, buffers.taken);
    drop_batches_of_deleted_metrics(buffers, *registry);
    const double tick_length = milliseconds_per_tick();
    for (const RegisteredMetric& entry : registry->metrics) {
      const Metric& metric = *entry.metric;
      const std::vector<Record>& records =
          records_of(metric, buffers.taken, tick_length, batch_of(buffers, metric_id(metric)));
      if (!records.empty()) {
        for (const RegisteredHandler& handler : registry->handlers) {
          run_reporting_failure(*handler.failures, "handler", handler.handler->handler_name(),
                                [&] { handler.handler->handle(records, metric.name()); });
        }
      }
      run_reporting_failure(*entry.failures, "cleanup() of metric", metric.name(), [&] { entry.metric->cleanup(); });
    }
    // No waiting record points to a label set now: this hand-over took them
    // all, and operations made meanwhile (the thread is busy) wait whole.
    state.label_sets.tidy([&](std::uint64_t id) { return registered(*registry, id); });
    state.records.give_back(buffers.taken);
  } catch (...) {
    log_error("records could not be handed over and are lost (out of memory?)");
  }
}

void hand_over_waiting_records() noexcept {
  ThreadState* state = thread_state();
  if (state == nullptr || state->busy) return;
  if (records_waiting_for(*state)) hand_over_records(*state);
}

void request_hand_over_everywhere() noexcept { hand_over_requests.fetch_add(1, std::memory_order_relaxed); }

}  // namespace phanos::detail
