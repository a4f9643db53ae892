// Scenario "error_label_off" of gen_reference.py: as error_raised, with the
// error_raised label off.

#include "scenario.hpp"
#include "service.hpp"

int main(int argc, char** argv) {
  return reference::run(argc, argv, reference::example_config(true, false), nullptr,
                        [] { Service().handler(); });
}
