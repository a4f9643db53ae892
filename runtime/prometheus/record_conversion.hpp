#pragma once
// A record of the profiled program in the terms of the aggregation, as
// phanos-collector reads the same record off the wire (error_raised is
// "true"/"false" in both).

#include <optional>

#include "incoming_record.hpp"
#include "phanos/record.hpp"

namespace phanos::prometheus {

// Empty when the record's type, operation and value do not go together
// (a record the runtime's own metrics never make).
std::optional<IncomingRecord> to_incoming_record(const Record& record);

}  // namespace phanos::prometheus
