// Scenario "error_raised" of gen_reference.py: the error_raised label on, a
// child raising through the root (the program catches it in run()).

#include "scenario.hpp"
#include "service.hpp"

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": true, "error_raised_label": true, "handlers": {}})",
                        nullptr, [] { Service().handler(); });
}
