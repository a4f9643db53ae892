// Scenario "handle_records_off" of gen_reference.py: with handle_records
// false nothing is measured or handled, though handlers and the time
// profiler are there.

#include "hooked.hpp"
#include "scenario.hpp"

int main(int argc, char** argv) {
  // Python's dict config leaves error_raised_label out (its default).
  phanos::Config config;
  config.job = "EXAMPLE";
  config.time_profile = true;
  config.handle_records = false;
  return reference::run(argc, argv, config, nullptr, [] { Hooked().root(); });
}
