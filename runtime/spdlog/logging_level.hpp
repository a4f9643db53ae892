#pragma once

#include <spdlog/common.h>

#include "config/config_object.hpp"

namespace phanos::detail {

// A handler's "level" as Python's logging takes it: 10, 20, 30, 40, 50 or a
// level name in any case ("DEBUG", "info", also WARN and FATAL). Throws
// ConfigError naming `path` for anything else.
spdlog::level::level_enum logging_level(const Json& value, std::string_view path);

}  // namespace phanos::detail
