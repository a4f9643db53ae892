// Scenario "response_size" of gen_reference.py: the response size profiler
// observes the root's result only. Python's value (52.0) is
// sys.getsizeof("abc"); phanos counts the string's bytes: 3.0, which
// compare.py checks in place of Python's number.

#include <string>
#include <vector>

#include "scenario.hpp"

struct Sized {
  [[phanos::profile]] std::vector<int> child() { return {1, 2, 3}; }

  [[phanos::profile]] std::string root() {
    child();
    return "abc";
  }
};

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": false, "response_size_profile": true,
                            "error_raised_label": false, "handlers": {}})",
                        nullptr, [] { Sized().root(); });
}
