#pragma once
// The spdlog loggers phanos writes to: its own messages and the records of
// the logger handlers.

#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace phanos::detail {

// The logger registered in spdlog's registry under `name`. When there is
// none, one writing to stderr ("{name}: {level}: {message}", every level
// from debug up) is created and registered, as Python's logging.getLogger()
// creates a missing logger: a later spdlog::get(name) finds the same one.
std::shared_ptr<spdlog::logger> named_logger(const std::string& name);

// phanos' own logger, named_logger("phanos"), looked up once. The runtime
// looks it up when it loads (see config/at_load.cpp), so spdlog's registry
// outlives the program's static objects and messages logged from their
// destructors still have a logger.
std::shared_ptr<spdlog::logger> own_logger();

// The logger Config::logger names: its own logger for an empty name.
std::shared_ptr<spdlog::logger> configured_logger(const std::string& name);

// Where phanos' own messages go from now on, and where they go now.
void use_logger(std::shared_ptr<spdlog::logger> logger) noexcept;
std::shared_ptr<spdlog::logger> current_logger();

}  // namespace phanos::detail
