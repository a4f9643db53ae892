#pragma once
// gen_reference.py's DummyDbAccess, shared by the nested and RabbitMQ
// scenarios as in the Python file.

#include <phanos/phanos.hpp>

struct DummyDbAccess {
  [[phanos::profile]] int first_access() { return 1; }

  [[phanos::profile]] int second_access() {
    first_access();
    return first_access() + 1;
  }

  [[phanos::profile]] int third_access() { return second_access(); }
};
