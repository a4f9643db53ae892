// The phanos demo: the README's example with a little more. Built by
// examples/CMakeLists.txt with phanos_instrument(phanos_demo), i.e. compiled
// with the phanos plugin and linked with the runtime; `bash scripts/demo.sh`
// builds and runs it:
//
//   profiler: time_profiler, method: DummyDbAccess:second_access.first_access, value: 1.09 mS
//   profiler: time_profiler, method: DummyDbAccess:second_access, value: 1.13 mS
//   second_access() = 2
//   profiler: time_profiler, method: reports:summarize.third_access.second_access.first_access, value: 1.08 mS
//   profiler: time_profiler, method: reports:summarize.third_access.second_access, value: 1.09 mS
//   profiler: time_profiler, method: reports:summarize.third_access, value: 1.09 mS
//   profiler: time_profiler, method: reports:summarize, value: 1.09 mS
//   third_access() = 3
#include <phanos/phanos.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

namespace {
void pretend_to_work() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
}  // namespace

struct DummyDbAccess {
  [[phanos::profile]] int first_access() {
    pretend_to_work();
    return 1;
  }
  [[phanos::profile]] int second_access() { return first_access() + 1; }
  [[phanos::profile]] int third_access() { return second_access() + 1; }
};

namespace reports {
// A free function: its item is its namespace, so its records read
// `method: reports:summarize...`.
[[phanos::profile]] std::string summarize(DummyDbAccess& db) {
  return "third_access() = " + std::to_string(db.third_access());
}
}  // namespace reports

int main() {
  // Optional when PHANOS_CONFIG configured the profiler at start-up.
  phanos::Config config;
  config.job = "demo";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));

  DummyDbAccess db;
  const int second = db.second_access();  // a root: its records print when it returns
  std::cout << "second_access() = " << second << std::endl;
  const std::string summary = reports::summarize(db);
  std::cout << summary << std::endl;
}
