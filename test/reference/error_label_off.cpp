// Scenario "error_label_off" of gen_reference.py: as error_raised, with the
// error_raised label off.

#include "scenario.hpp"
#include "service.hpp"

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": true, "error_raised_label": false, "handlers": {}})",
                        nullptr, [] { Service().handler(); });
}
