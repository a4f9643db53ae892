// Scenario "nested" of gen_reference.py: methods of a class calling each
// other, and a free function. The file is named __main__.cpp because the
// item of a function in the global namespace is its file's stem (docs/instrumenting.md),
// and Python's is the module name, "__main__" for a script.

#include "../dummy_db_access.hpp"
#include "../scenario.hpp"

[[phanos::profile]] int free_function() { return DummyDbAccess().second_access(); }

int main(int argc, char** argv) {
  return reference::run(argc, argv, reference::default_config, nullptr, [] {
    DummyDbAccess().third_access();
    free_function();
  });
}
