// Scenario "hooks" of gen_reference.py: the order of the hooks and which
// calls see which hook, told by a histogram observed in each of them.

#include <memory>
#include <string>

#include "hooked.hpp"
#include "scenario.hpp"

static void hooks_setup(phanos::Profiler& p) {
  auto calls = std::make_shared<phanos::Histogram>("hook_calls", "EXAMPLE", "n", std::vector<std::string>{"hook"});
  p.add_metric(calls);

  const auto mk = [calls](std::string hook) {
    return [calls, hook](const phanos::Call&) {
      reference::expect(calls->observe(1.0, {{"hook", hook}}), "hook_calls.observe");
    };
  };
  p.before_root_func = mk("before_root");
  p.before_func = mk("before");
  p.after_func = mk("after");
  p.after_root_func = mk("after_root");
}

int main(int argc, char** argv) {
  return reference::run(argc, argv,
                        R"({"job": "EXAMPLE", "time_profile": false, "error_raised_label": false, "handlers": {}})",
                        hooks_setup, [] { Hooked().root(); });
}
