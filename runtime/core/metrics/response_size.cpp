#include "phanos/metrics/response_size.hpp"

namespace phanos {

ResponseSize::ResponseSize(std::string name, std::string job, std::vector<std::string> label_names)
    : Histogram(std::move(name), std::move(job), "B", std::move(label_names)) {}

}  // namespace phanos
