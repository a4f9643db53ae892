#include "components.hpp"

#include <algorithm>
#include <atomic>
#include <iterator>

// Each component's library defines its marker, phanos_component_<name>(),
// next to its register_component() call (handler_classes.hpp). Weak
// here: the core links none of them, and a marker resolves only when the
// program links that component's library, so the core knows which
// components to wait for before any of them has run its initialisers.
extern "C" {
[[gnu::weak]] void phanos_component_spdlog();
[[gnu::weak]] void phanos_component_rabbitmq();
[[gnu::weak]] void phanos_component_prometheus();
}

namespace phanos::detail {
namespace {

struct Component {
  std::string_view name;
  void (*marker)();
  std::atomic<bool> loaded{false};
};

Component components[] = {
    {"spdlog", phanos_component_spdlog},
    {"rabbitmq", phanos_component_rabbitmq},
    {"prometheus", phanos_component_prometheus},
};

struct ComponentClass {
  std::string_view handler_class, component;
};

constexpr ComponentClass component_classes[] = {
    {"LoggerHandler", "spdlog"},         {"NamedLoggerHandler", "spdlog"},    {"ImpProfHandler", "rabbitmq"},
    {"AsyncImpProfHandler", "rabbitmq"}, {"PrometheusHandler", "prometheus"},
};

Component* find_component(std::string_view name) noexcept {
  const auto found = std::find_if(std::begin(components), std::end(components),
                                  [&](const Component& component) { return component.name == name; });
  return found == std::end(components) ? nullptr : found;
}

}  // namespace

std::string_view component_of_class(std::string_view class_name) noexcept {
  for (const ComponentClass& known : component_classes) {
    if (known.handler_class == class_name) return known.component;
  }
  return {};
}

std::string not_linked_component(std::string_view component) {
  const std::string name(component);
  return "the component '" + name + "' (phanos::" + name + "), which this program does not link";
}

void component_loaded(std::string_view component) {
  if (Component* found = find_component(component)) found->loaded = true;
}

bool linked_components_loaded() {
  return std::all_of(std::begin(components), std::end(components),
                     [](const Component& component) { return !component.marker || component.loaded; });
}

}  // namespace phanos::detail
