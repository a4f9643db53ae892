#include "registry.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "forks.hpp"
#include "shared_cell.hpp"

namespace phanos::detail {

std::atomic<bool> profiling_switch{false};
std::atomic<bool> error_raised_switch{false};
std::atomic<std::uint64_t> time_profiler_metric{0};

namespace {

struct RegistryStore {
  std::mutex writer;
  std::shared_ptr<const Registry> current = std::make_shared<const Registry>();
};

// Never destroyed: profiled calls may still run during static destruction.
RegistryStore& store() {
  static auto* instance = new RegistryStore;
  return *instance;
}

template <class BuiltIn>
std::shared_ptr<BuiltIn> find_built_in(const Registry& registry, std::string_view name) {
  const auto found = std::find_if(registry.metrics.begin(), registry.metrics.end(),
                                  [&](const RegisteredMetric& m) { return m.metric->name() == name; });
  if (found == registry.metrics.end()) return nullptr;
  return std::dynamic_pointer_cast<BuiltIn>(found->metric);
}

// Calls are timed straight into their thread's records, without
// Metric::record(): only a metric whose records need nothing but the time
// and the error_raised label qualifies.
std::uint64_t timing_metric_id(const Registry& registry) {
  const std::shared_ptr<TimeProfiler> timer = find_built_in<TimeProfiler>(registry, TimeProfiler::built_in_name);
  if (!timer) return 0;
  for (const std::string& label : timer->label_names()) {
    if (label != error_raised_label_name) return 0;
  }
  return metric_id(*timer);
}

void update_switches(const Registry& registry) {
  const bool active =
      registry.configured && registry.config.handle_records && !registry.handlers.empty() && !registry.metrics.empty();
  error_raised_switch.store(registry.config.error_raised_label, std::memory_order_relaxed);
  time_profiler_metric.store(timing_metric_id(registry), std::memory_order_relaxed);
  profiling_switch.store(active, std::memory_order_relaxed);
}

}  // namespace

void lock_registry_writer() { store().writer.lock(); }
void unlock_registry_writer() { store().writer.unlock(); }

std::shared_ptr<const Registry> registry_snapshot() { return load_shared(store().current); }

void change_registry(const std::function<void(Registry&)>& change) {
  RegistryStore& registry_store = store();
  std::lock_guard<std::mutex> lock(registry_store.writer);
  auto next = std::make_shared<Registry>(*registry_store.current);
  change(*next);
  next->response_size = find_built_in<ResponseSize>(*next, ResponseSize::built_in_name);
  std::shared_ptr<const Registry> published = std::move(next);
  store_shared(registry_store.current, published);
  update_switches(*published);
}

}  // namespace phanos::detail
