// Scenario "batching" of gen_reference.py: more than 100 records under one
// root are handed over early (100, then the other 51 when the root returns).

#include "scenario.hpp"

struct Batch {
  [[phanos::profile]] int child() { return 0; }

  [[phanos::profile]] void root() {
    for (int i = 0; i < 150; ++i) child();
  }
};

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": true, "error_raised_label": false, "handlers": {}})",
                        nullptr, [] { Batch().root(); });
}
