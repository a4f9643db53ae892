// A program profiled only through PHANOS_CONFIG, which the tests give a
// PrometheusHandler: it makes known calls, says so, and keeps serving its
// /metrics until its standard input closes.
//
// Records (time_profiler, milliseconds):
//   Service:handle        error_raised=false x5, true x2
//   Service:handle.child  error_raised=false x5, true x2

#include <iostream>
#include <stdexcept>
#include <string>

struct Service {
  [[phanos::profile]] int child(bool fail) {
    if (fail) throw std::runtime_error("refused");
    return 1;
  }
  [[phanos::profile]] int handle(bool fail) { return child(fail) + 1; }
};

int main() {
  Service service;
  int failures = 0;
  for (int i = 0; i < 7; ++i) {
    try {
      service.handle(/*fail=*/i % 3 == 2);
    } catch (const std::runtime_error&) {
      ++failures;
    }
  }
  std::cout << "handler_program: calls done, " << failures << " failures" << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
  return failures == 2 ? 0 : 1;
}
