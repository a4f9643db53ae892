#pragma once
// For the memory tests: a handler that looks at every record without
// keeping any, so that only phanos' own memory is counted.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "phanos/phanos.hpp"
#include "test_support.hpp"

namespace phanos::test {

class CountingHandler : public Handler {
 public:
  using Handler::Handler;
  void handle(const std::vector<Record>& records, std::string_view) override {
    for (const Record& record : records) longest_method = std::max(longest_method, record.method.size());
    count += records.size();
  }
  std::size_t count = 0;
  std::size_t longest_method = 0;
};

// The profiler reset as reset_profiler() does, with this handler alone.
inline std::shared_ptr<CountingHandler> reset_profiler_counting() {
  reset_profiler(example_config());
  profiler().delete_handlers();
  auto counter = std::make_shared<CountingHandler>("count");
  profiler().add_handler(counter);
  return counter;
}

}  // namespace phanos::test
