#pragma once
// gen_reference.py's Service, shared by the error and RabbitMQ scenarios:
// a child raising through the root.

#include <phanos/phanos.hpp>

#include <stdexcept>

// Python's ValueError; scenario.hpp prints the class name as Python prints
// type(e).__name__.
struct ValueError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Service {
  [[phanos::profile]] void failing_child() { throw ValueError("boom"); }

  [[phanos::profile]] int ok_child() { return 3; }

  [[phanos::profile]] void handler() {
    ok_child();
    failing_child();
  }
};
