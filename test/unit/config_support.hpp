#pragma once
// Shared by the configuration tests: the profiler's state in comparable
// form, and a small profiled program whose records show the configuration.

#include <gtest/gtest.h>
#include <spdlog/logger.h>

#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

#include "phanos/handlers/logger_handler.hpp"
#include "registry.hpp"
#include "test_support.hpp"

namespace phanos::test {

// What a configuration decides, read from the registry.
struct ProfilerState {
  bool configured = false;
  Config config;
  std::vector<std::string> metrics;   // "name:type" in order
  std::vector<std::string> handlers;  // "name:class[:logger:level]" in order

  bool operator==(const ProfilerState& other) const {
    return configured == other.configured && config.job == other.config.job && config.logger == other.config.logger &&
           config.time_profile == other.config.time_profile &&
           config.response_size_profile == other.config.response_size_profile &&
           config.handle_records == other.config.handle_records &&
           config.error_raised_label == other.config.error_raised_label && metrics == other.metrics &&
           handlers == other.handlers;
  }
};

inline std::ostream& operator<<(std::ostream& out, const ProfilerState& state) {
  out << "{configured " << state.configured << ", job '" << state.config.job << "', logger '" << state.config.logger
      << "', time " << state.config.time_profile << ", size " << state.config.response_size_profile << ", handle "
      << state.config.handle_records << ", error_raised " << state.config.error_raised_label << ", metrics";
  for (const std::string& metric : state.metrics) out << ' ' << metric;
  out << ", handlers";
  for (const std::string& handler : state.handlers) out << ' ' << handler;
  return out << '}';
}

inline std::string describe_handler(const Handler& handler) {
  std::string text = handler.handler_name() + ":" + typeid(handler).name();
  if (const auto* logging = dynamic_cast<const LoggerHandler*>(&handler)) {
    text += ":" + logging->logger()->name() + ":" + std::to_string(static_cast<int>(logging->level()));
  }
  return text;
}

inline ProfilerState profiler_state() {
  const std::shared_ptr<const detail::Registry> registry = detail::registry_snapshot();
  ProfilerState state;
  state.configured = registry->configured;
  state.config = registry->config;
  for (const auto& entry : registry->metrics) {
    state.metrics.push_back(entry.metric->name() + ":" + std::string(entry.metric->metric_type()));
  }
  for (const auto& entry : registry->handlers) state.handlers.push_back(describe_handler(*entry.handler));
  return state;
}

// No handlers, no metrics, no waiting records; configured as example_config().
inline void forget_everything() {
  Profiler& p = profiler();
  p.config(example_config());
  p.delete_handlers();
  p.delete_metrics(true, true);
  p.clear();
}

constexpr detail::Site child_site{"child", "Shop", "Shop::child", "shop.cpp", 1};
constexpr detail::Site root_site{"root", "Shop", "Shop::root", "shop.cpp", 2};

// A root with a child that throws and is caught: time, response size and
// error_raised all show in the records.
inline void run_profiled_program() {
  profiled(root_site, [] {
    try {
      profiled(child_site, [] { throw std::runtime_error("out of stock"); });
    } catch (const std::runtime_error&) {
    }
    return std::string("receipt");
  });
}

// The records `run_profiled_program` hands over, as text lines with masked
// times, each prefixed by the metric it was handed over for.
inline std::vector<std::string> profiled_program_lines(const CapturingHandler& capture) {
  std::vector<std::string> lines;
  for (const HandleCall& call : capture.calls()) {
    for (const Record& record : call.records) {
      lines.push_back(mask_times(to_text(record, call.profiler_name)) + " [job " + record.job + "]");
    }
  }
  return lines;
}

// What `body` writes on stderr. The capture ends even when `body` throws,
// so that a failing test's report is not swallowed.
template <class Body>
std::string stderr_of(Body&& body) {
  testing::internal::CaptureStderr();
  try {
    body();
  } catch (...) {
    testing::internal::GetCapturedStderr();
    throw;
  }
  return testing::internal::GetCapturedStderr();
}

}  // namespace phanos::test
