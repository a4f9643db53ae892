#include "registry.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace phanos::detail {

std::atomic<bool> profiling_switch{false};

namespace {

std::atomic<bool> error_raised_switch{false};
std::atomic<bool> time_profiling_switch{false};

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

void update_switches(const Registry& registry) {
  const bool active = registry.configured && registry.config.handle_records && !registry.handlers.empty() &&
                      !registry.metrics.empty();
  error_raised_switch.store(registry.config.error_raised_label, std::memory_order_relaxed);
  time_profiling_switch.store(registry.time_profiler != nullptr, std::memory_order_relaxed);
  profiling_switch.store(active, std::memory_order_relaxed);
}

}  // namespace

std::shared_ptr<const Registry> registry_snapshot() { return std::atomic_load(&store().current); }

void change_registry(const std::function<void(Registry&)>& change) {
  RegistryStore& registry_store = store();
  std::lock_guard<std::mutex> lock(registry_store.writer);
  auto next = std::make_shared<Registry>(*registry_store.current);
  change(*next);
  next->time_profiler = find_built_in<TimeProfiler>(*next, "time_profiler");
  next->response_size = find_built_in<ResponseSize>(*next, "response_size");
  std::shared_ptr<const Registry> published = std::move(next);
  std::atomic_store(&registry_store.current, published);
  update_switches(*published);
}

bool error_raised_label_enabled() noexcept { return error_raised_switch.load(std::memory_order_relaxed); }

bool time_profiling_enabled() noexcept { return time_profiling_switch.load(std::memory_order_relaxed); }

}  // namespace phanos::detail
