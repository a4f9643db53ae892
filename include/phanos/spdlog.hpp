#pragma once
// The component phanos::spdlog (libphanos_spdlog.so): handlers that log
// records to spdlog loggers. Linking it also sends phanos' own messages to
// spdlog's "phanos" logger, or to the one Config::logger names.

#include "phanos/handlers/logger_handler.hpp"
#include "phanos/handlers/named_logger_handler.hpp"
#include "phanos/phanos.hpp"
