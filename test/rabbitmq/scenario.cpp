// gen_reference.py's RabbitMQ part, published through a real handler:
// Gauge queue_depth{queue} set in before_root_func, error_raised_label on,
// DummyDbAccess.second_access() then Service.handler() raising.
//
// Usage: scenario sync|async PORT

#include <phanos/rabbitmq.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "dummy_db_access.hpp"
#include "service.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: scenario sync|async PORT\n";
    return 2;
  }
  const std::string mode = argv[1];
  phanos::RabbitParams params;
  params.port = std::atoi(argv[2]);

  phanos::Config config;
  config.job = "EXAMPLE";
  config.error_raised_label = true;
  auto& p = phanos::profiler();
  p.config(config);
  if (mode == "sync") {
    p.add_handler(std::make_shared<phanos::ImpProfHandler>("rabbit", params));
  } else {
    p.add_handler(std::make_shared<phanos::AsyncImpProfHandler>("rabbit", params));
  }
  auto g = std::make_shared<phanos::Gauge>("queue_depth", "EXAMPLE", "items", std::vector<std::string>{"queue"});
  p.add_metric(g);
  p.before_root_func = [g](const phanos::Call&) { g->set(3.0, {{"queue", "jobs"}}); };

  DummyDbAccess().second_access();
  try {
    Service().handler();
  } catch (const ValueError&) {
  }
  // Destroys the handler: the asynchronous one publishes its queue first.
  p.delete_handlers();
  std::cout << "scenario " << mode << " done" << std::endl;
  return 0;
}
