// The instrumented program of the end-to-end test: known calls, some of
// them failing, and a gauge, published through ImpProfHandler with the
// error_raised label on.
//
// Usage: e2e_program PORT JOB [EXCHANGE EXCHANGE_TYPE]  (default: RabbitParams' exchange)
// Records (time_profiler, milliseconds):
//   Service:handle        error_raised=false x5, true x2
//   Service:handle.child  error_raised=false x5, true x2
//   Service:report        error_raised=false x1
// and the gauge queue_depth (units "items") of Service:report, queue="jobs": 5 + 3.5 - 1 = 7.5

#include <phanos/rabbitmq.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>

struct Service {
  [[phanos::profile]] int child(bool fail) {
    if (fail) throw std::runtime_error("refused");
    return 1;
  }
  [[phanos::profile]] int handle(bool fail) { return child(fail) + 1; }
  [[phanos::profile]] void report(phanos::Gauge& depth) {
    const phanos::Labels queue{{"queue", "jobs"}};
    depth.set(5, queue);
    depth.inc(3.5, queue);
    depth.dec(1, queue);
  }
};

int main(int argc, char** argv) {
  if (argc != 3 && argc != 5) {
    std::cerr << "usage: e2e_program PORT JOB [EXCHANGE EXCHANGE_TYPE]\n";
    return 2;
  }
  phanos::Config config;
  config.job = argv[2];
  config.error_raised_label = true;
  phanos::profiler().config(config);
  auto depth = std::make_shared<phanos::Gauge>("queue_depth", config.job, "items", std::vector<std::string>{"queue"});
  phanos::profiler().add_metric(depth);
  phanos::RabbitParams params;
  params.port = std::atoi(argv[1]);
  if (argc == 5) {
    params.exchange_name = argv[3];
    params.exchange_type = argv[4];
  }
  phanos::profiler().add_handler(std::make_shared<phanos::ImpProfHandler>("rabbit", params));

  Service service;
  int failures = 0;
  for (int i = 0; i < 7; ++i) {
    try {
      service.handle(/*fail=*/i % 3 == 2);
    } catch (const std::runtime_error&) {
      ++failures;
    }
  }
  service.report(*depth);
  std::cout << "e2e_program done: " << failures << " failures\n";
  return failures == 2 ? 0 : 1;
}
