#pragma once
// The optional libraries of phanos, as the core knows them: which handler
// classes each provides, so that a dict config naming one that is not
// linked says which library to link; and whether the program links it, so
// that PHANOS_CONFIG waits for it to load (at_load.cpp).

#include <string>
#include <string_view>

namespace phanos::detail {

// "spdlog", "rabbitmq", "prometheus"; empty for a class of the core's own or
// one no component has.
std::string_view component_of_class(std::string_view class_name) noexcept;

// "the component 'rabbitmq' (phanos::rabbitmq), which this program does not link"
std::string not_linked_component(std::string_view component);

// Records that `component`'s library has loaded and registered its classes.
void component_loaded(std::string_view component);

// Whether every component the program links has loaded.
bool linked_components_loaded();

}  // namespace phanos::detail
