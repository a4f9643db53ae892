#pragma once

#include <string_view>

#include "phanos/metrics/histogram.hpp"

namespace phanos {

// The built-in metric for the size of a root call's result, in bytes. The
// profiler creates it as `built_in_name` when Config::response_size_profile
// is on.
class ResponseSize : public Histogram {
 public:
  static constexpr std::string_view built_in_name = "response_size";

  ResponseSize(std::string name, std::string job, std::vector<std::string> label_names = {});
};

}  // namespace phanos
