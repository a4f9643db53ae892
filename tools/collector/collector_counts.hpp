#pragma once
// The collector's own counters, which its phanos_collector_* metrics show
// (ingest.hpp) and its state file keeps (checkpoint.hpp).

#include <cstdint>
#include <map>

#include "rejection.hpp"

namespace phanos::collector {

struct CollectorCounts {
  std::uint64_t messages = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t records = 0;
  std::uint64_t dropped_series = 0;
  std::map<prometheus::RejectReason, std::uint64_t> rejected;
};

}  // namespace phanos::collector
