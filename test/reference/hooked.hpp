#pragma once
// gen_reference.py's Hooked, shared by the hooks and handle_records_off
// scenarios.

#include <phanos/phanos.hpp>

struct Hooked {
  [[phanos::profile]] int child() { return 1; }

  [[phanos::profile]] int root() { return child(); }
};
