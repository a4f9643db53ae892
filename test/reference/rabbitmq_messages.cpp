// The RabbitMQ part of gen_reference.py: what ImpProfHandler puts on the
// wire is one message per handle() call, its body to_json(records). Until
// the RabbitMQ handlers exist, a capture handler named "rabbit" takes their
// place and compare.py checks its bytes against each message's raw_body.
// Python's configuration lists the "rabbit" ImpProfHandler under handlers;
// here the stand-in is added by run() instead.

#include <memory>
#include <string>

#include "dummy_db_access.hpp"
#include "scenario.hpp"
#include "service.hpp"

static void rabbit_setup(phanos::Profiler& p) {
  auto g = std::make_shared<phanos::Gauge>("queue_depth", "EXAMPLE", "items", std::vector<std::string>{"queue"});
  p.add_metric(g);
  p.before_root_func = [g](const phanos::Call&) {
    reference::expect(g->set(3.0, {{"queue", "jobs"}}), "queue_depth.set(3.0)");
  };
}

int main(int argc, char** argv) {
  return reference::run(
      argc, argv, R"({"job": "EXAMPLE", "time_profile": true, "error_raised_label": true, "handlers": {}})",
      rabbit_setup,
      [] {
        DummyDbAccess().second_access();
        try {
          Service().handler();
        } catch (const ValueError&) {
        }
      },
      reference::Handlers::rabbit_stand_in);
}
