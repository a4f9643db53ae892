#pragma once
// Configures the profiler for one measurement and resets it afterwards, so
// that each benchmark or counted operation starts from the same state.

#include <phanos/phanos.hpp>

#include <memory>
#include <utility>

namespace phanos_bench {

class ProfilerSetup {
 public:
  // No handler: profiled calls take the disabled path.
  explicit ProfilerSetup(std::shared_ptr<phanos::Handler> handler) {
    phanos::Config config;
    config.job = "bench";
    phanos::profiler().config(config);
    if (handler) phanos::profiler().add_handler(std::move(handler));
  }
  ~ProfilerSetup() {
    phanos::profiler().before_func = nullptr;
    phanos::profiler().after_func = nullptr;
    phanos::profiler().delete_handlers();
    phanos::profiler().delete_metrics();
  }
  ProfilerSetup(const ProfilerSetup&) = delete;
  ProfilerSetup& operator=(const ProfilerSetup&) = delete;
};

}  // namespace phanos_bench
