#pragma once
// The spdlog loggers phanos writes to: its own messages (once this
// component is linked) and the records of the logger handlers, each kind
// created as its Python counterpart behaves when the program registered no
// logger of that name.

#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace phanos::detail {

// The logger registered in spdlog's registry under `name`. When there is
// none, one writing to stderr ("{name}: {level}: {message}", every level
// from debug up) is created and registered, as Python's logging.getLogger()
// creates a missing logger: a later spdlog::get(name) finds the same one.
std::shared_ptr<spdlog::logger> named_logger(const std::string& name);

// The logger a logger handler gets when it names one nobody registered: as a
// Python logger nobody configured, it writes only warnings and worse, to
// stderr, as plain lines. Registered as named_logger() registers its own.
std::shared_ptr<spdlog::logger> handler_logger(const std::string& name);

// The logger of a LoggerHandler given none: Python phanos' logger "PHANOS",
// writing plain lines to stdout from debug up; looked up once.
std::shared_ptr<spdlog::logger> default_handler_logger();

// phanos' own logger, named_logger("phanos"), looked up once. This
// component looks it up when it loads (spdlog_component.cpp), so spdlog's
// registry outlives the program's static objects and messages logged from
// their destructors still have a logger.
std::shared_ptr<spdlog::logger> own_logger();

}  // namespace phanos::detail
