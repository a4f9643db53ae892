#pragma once
// PHANOS_CONFIG: a dict config given to a program through its environment.

#include <string>

namespace phanos::detail {

// Configures the profiler from PHANOS_CONFIG's value: the JSON itself when
// its first non-space character is '{', else the path of a JSON file.
// Nothing happens for an empty or blank value. Returns the line to print
// when the configuration is rejected (it then changes nothing), else "".
// Throws only when out of memory.
std::string configure_from_environment(const std::string& value);

}  // namespace phanos::detail

namespace phanos::detail {

// Applies PHANOS_CONFIG once every component library the program links has
// loaded (at_load.cpp): the core loads before them, and the configuration
// may name their handler classes. Does nothing the second time.
void apply_environment_config_when_ready() noexcept;

}  // namespace phanos::detail
