#pragma once
// The spdlog loggers phanos writes to: its own messages (once this
// component is linked) and the records of the logger handlers.

#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace phanos::detail {

// The logger registered in spdlog's registry under `name`. When there is
// none, one writing to stderr ("{name}: {level}: {message}", every level
// from debug up) is created and registered, as Python's logging.getLogger()
// creates a missing logger: a later spdlog::get(name) finds the same one.
std::shared_ptr<spdlog::logger> named_logger(const std::string& name);

// phanos' own logger, named_logger("phanos"), looked up once. This
// component looks it up when it loads (spdlog_component.cpp), so spdlog's
// registry outlives the program's static objects and messages logged from
// their destructors still have a logger.
std::shared_ptr<spdlog::logger> own_logger();

}  // namespace phanos::detail
