#pragma once
// Shared by the unit tests: a handler that keeps what it receives, a fresh
// profiler per test, and profiled calls made the way the plugin makes them.

#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "phanos/detail/invoke.hpp"
#include "phanos/phanos.hpp"

namespace phanos::test {

struct HandleCall {
  std::string profiler_name;
  std::vector<Record> records;
};

class CapturingHandler : public Handler {
 public:
  using Handler::Handler;

  void handle(const std::vector<Record>& records, std::string_view profiler_name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    calls_.push_back({std::string(profiler_name), records});
  }

  std::vector<HandleCall> calls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return calls_;
  }

  std::vector<Record> all_records() const {
    std::vector<Record> records;
    for (const HandleCall& call : calls()) records.insert(records.end(), call.records.begin(), call.records.end());
    return records;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<HandleCall> calls_;
};

// The Python reference scenarios' configuration, error_raised_label aside.
inline Config example_config(bool error_raised_label = false, bool time_profile = true) {
  Config config;
  config.job = "EXAMPLE";
  config.time_profile = time_profile;
  config.error_raised_label = error_raised_label;
  return config;
}

// Like gen_reference.py's run(): forget everything, configure, add a capture.
inline std::shared_ptr<CapturingHandler> reset_profiler(const Config& config) {
  Profiler& p = profiler();
  p.delete_handlers();
  p.delete_metrics(true, true);
  p.clear();
  p.before_func = p.before_root_func = p.after_func = p.after_root_func = nullptr;
  p.config(config);
  auto capture = std::make_shared<CapturingHandler>("capture");
  p.add_handler(capture);
  return capture;
}

// A root and the child it calls, for tests that need no other call sites.
inline constexpr detail::Site api_root_site{"root", "Api", "Api::root", "api.cpp", 1};
inline constexpr detail::Site api_child_site{"child", "Api", "Api::child", "api.cpp", 2};

// What the plugin generates for a function annotated [[phanos::profile]].
template <class Body>
decltype(auto) profiled(const detail::Site& site, Body&& body) {
  return detail::invoke(site, std::forward<Body>(body));
}

// Times differ per run; the reference files mask them the same way.
inline std::string mask_times(const std::string& text) {
  static const std::regex milliseconds("value: [0-9.e+-]+ mS");
  return std::regex_replace(text, milliseconds, "value: <ms> mS");
}

inline std::vector<std::string> methods_of(const std::vector<Record>& records) {
  std::vector<std::string> methods;
  for (const Record& record : records) methods.push_back(record.method);
  return methods;
}

}  // namespace phanos::test
