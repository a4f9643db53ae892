#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phanos/config.hpp"
#include "phanos/handler.hpp"
#include "phanos/hook.hpp"
#include "phanos/metric.hpp"

namespace phanos {

class Profiler;

// The process-wide profiler. It lives until the process ends, so profiled
// calls in static destructors and late threads stay safe.
Profiler& profiler();

// Owns the configuration, the metrics and the handlers. Every method is
// thread-safe; profiled calls see a change from their next call on.
class Profiler {
 public:
  Profiler(const Profiler&) = delete;
  Profiler& operator=(const Profiler&) = delete;

  // Throws ConfigError when job is empty. Handlers and metrics added before
  // stay; the built-in metrics are created or removed to match the flags.
  void config(const Config& config);

  // Python phanos' dict config as JSON text: keys job, logger, time_profile,
  // response_size_profile (request_size_profile: deprecated alias),
  // handle_records, error_raised_label and handlers, {ref: {"class": ...,
  // "handler_name": ..., args...}}. The same as config() followed by
  // add_handler() for each handler listed, done at once. Throws ConfigError
  // "{key path}: {problem}" and then changes nothing; unknown keys are
  // logged as warnings.
  void dict_config(std::string_view json);

  // Throws std::runtime_error before config() (Python raises RuntimeError).
  // A handler with the same name is replaced in place, with a warning.
  void add_handler(std::shared_ptr<Handler> handler);
  void delete_handler(std::string_view handler_name);
  void delete_handlers();

  // A metric with the same name is replaced in place, with a warning.
  void add_metric(std::shared_ptr<Metric> metric);
  void delete_metric(std::string_view name);
  // Deletes every metric except the built-ins, unless told to remove those too.
  void delete_metrics(bool rm_time_profile = false, bool rm_resp_size_profile = false);

  // Hands the records waiting on the calling thread (of its finished calls
  // and of metrics observed meanwhile) and those made outside any profiled
  // call to the handlers now, as Python's handle_records_clear() does; a
  // call in progress goes on, its own record comes when it ends. Does
  // nothing inside a handler.
  void flush();
  // flush(), and every other thread hands its waiting records over at the
  // end of its next profiled call (Python's force_handle_records_clear(); in
  // Python every thread shares one list). Returns at once.
  void flush_all();

  // Drops the records waiting on every thread and calls every metric's
  // cleanup(). Not meant to be called while profiled calls are running.
  void clear();

  // The run-time state, as Python's profiler attributes show it (job,
  // handle_records, error_raised_label, needs_profiling(),
  // get_records_count(), metrics, handlers); safe from any thread, like the
  // rest. Before config(): an empty job, the defaults of Config, nothing.
  std::string job() const;
  bool handle_records() const;
  // Switches measuring and handling off or on, keeping everything else.
  void handle_records(bool enabled);
  bool error_raised_label() const;
  // From the next record on, every metric's records carry error_raised, or
  // none do.
  void error_raised_label(bool enabled);
  // Whether a profiled call does anything: configured, handle_records on, at
  // least one handler and one metric.
  bool needs_profiling() const;
  // Records waiting on the calling thread for its call tree's hand-over.
  std::size_t records_count() const;
  // Names in the order added (the order records and handlers go in).
  std::vector<std::string> metric_names() const;
  std::vector<std::string> handler_names() const;

  // Called around every profiled call, with the call's node already in the
  // tree (records they make belong to it): before_root_func then
  // before_func on entry; after_func, then (root only, after response_size
  // is observed) after_root_func on exit, also when the body threw.
  Hook before_func{"before_func"};
  Hook before_root_func{"before_root_func"};
  Hook after_func{"after_func"};
  Hook after_root_func{"after_root_func"};

 private:
  Profiler() = default;
  friend Profiler& profiler();
};

}  // namespace phanos
