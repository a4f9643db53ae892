// Scenario "handle_records_off" of gen_reference.py: with handle_records
// false nothing is measured or handled, though handlers and the time
// profiler are there.

#include "hooked.hpp"
#include "scenario.hpp"

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": true, "handle_records": false, "handlers": {}})", nullptr,
                        [] { Hooked().root(); });
}
