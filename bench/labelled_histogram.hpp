#pragma once
// The histogram whose observations the benchmarks measure, with `count`
// labels label_<i> = value_<i>, given in its declared order or reversed
// (then phanos must check them in another order than declared).

#include <phanos/phanos.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace phanos_bench {

struct LabelledHistogram {
  std::shared_ptr<phanos::Histogram> histogram;
  phanos::Labels labels;
};

enum class LabelOrder { declared, reversed };

inline LabelledHistogram labelled_histogram(int count, LabelOrder order) {
  std::vector<std::string> names;
  phanos::Labels labels;
  for (int i = 0; i < count; ++i) {
    names.push_back("label_" + std::to_string(i));
    labels.emplace_back(names.back(), "value_" + std::to_string(i));
  }
  if (order == LabelOrder::reversed) std::reverse(labels.begin(), labels.end());
  return {std::make_shared<phanos::Histogram>("observed", "bench", "mS", names), std::move(labels)};
}

}  // namespace phanos_bench
