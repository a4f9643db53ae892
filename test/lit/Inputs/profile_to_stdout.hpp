// Every test prints its profile records to stdout, one line each, where
// FileCheck reads them; elapsed times vary and are matched as {{.*}}.
#pragma once

#include <phanos/phanos.hpp>

#include <memory>

inline void profile_to_stdout(bool error_raised_label = false) {
  phanos::Config config;
  config.job = "lit";
  config.error_raised_label = error_raised_label;
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));
}
