// Scenario "metrics" of gen_reference.py: every basic metric type, valid
// and invalid operations, made in the before_root_func hook.

#include <memory>

#include "scenario.hpp"

using reference::expect;

struct Api {
  [[phanos::profile]] const char* get() { return "x"; }
};

static void metrics_setup(phanos::Profiler& p) {
  auto requests = std::make_shared<phanos::Counter>("requests", "EXAMPLE", "count", std::vector<std::string>{"route"});
  auto temp = std::make_shared<phanos::Gauge>("temperature", "EXAMPLE", "C");
  auto state = std::make_shared<phanos::Enum>("state", "EXAMPLE", std::vector<std::string>{"up", "down"});
  auto info = std::make_shared<phanos::Info>("build", "EXAMPLE");
  auto latency = std::make_shared<phanos::Summary>("latency", "EXAMPLE", "s");
  auto sizes = std::make_shared<phanos::Histogram>("payload", "EXAMPLE", "B", std::vector<std::string>{"kind", "zone"});
  p.add_metric(requests);
  p.add_metric(temp);
  p.add_metric(state);
  p.add_metric(info);
  p.add_metric(latency);
  p.add_metric(sizes);

  // Each invalid operation must return false and record nothing; the
  // reference shows only the valid ones.
  p.before_root_func = [=](const phanos::Call&) {
    expect(requests->inc(1.0, {{"route", "/a"}}), "requests.inc(1.0)");
    expect(!requests->inc(-1.0, {{"route", "/a"}}), "requests.inc(-1.0) rejected: negative");
    expect(!requests->inc(1.0, {{"wrong", "x"}}), "requests.inc(1.0) rejected: label names");
    // Python's requests.inc(1, ...) is rejected as "not a float"; in C++ the
    // int 1 converts to the double parameter, so that call cannot be made.
    expect(temp->inc(2.0), "temp.inc(2.0)");
    expect(temp->dec(1.0), "temp.dec(1.0)");
    expect(temp->set(5.5), "temp.set(5.5)");
    expect(!temp->dec(-2.0), "temp.dec(-2.0) rejected");
    expect(state->state("up"), "state.state(up)");
    expect(!state->state("sideways"), "state.state(sideways) rejected");
    expect(info->info({{"version", "1.2.3"}, {"commit", "abc"}}), "info.info_()");
    expect(latency->observe(0.25), "latency.observe(0.25)");
    expect(sizes->observe(1024.0, {{"kind", "json"}, {"zone", "eu"}}), "sizes.observe(1024.0)");
  };
}

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": true, "error_raised_label": false, "handlers": {}})",
                        metrics_setup, [] { Api().get(); });
}
