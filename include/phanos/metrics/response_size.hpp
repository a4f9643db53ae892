#pragma once

#include "phanos/metrics/histogram.hpp"

namespace phanos {

// The built-in metric for the size of a root call's result, in bytes. The
// profiler creates it as "response_size" when Config::response_size_profile
// is on.
class ResponseSize : public Histogram {
 public:
  ResponseSize(std::string name, std::string job, std::vector<std::string> label_names = {});
};

}  // namespace phanos
