#pragma once
// Turns one AMQP message body (a JSON array of records, the wire format, docs/collector.md) into typed
// records. Anything else is rejected with a reason, never thrown: a
// collector must outlive whatever a broker hands it.

#include <cstddef>
#include <string_view>
#include <vector>

#include "incoming_record.hpp"
#include "rejection.hpp"

namespace phanos::collector {

// What the wire carries, in the terms of the aggregation library.
using prometheus::IncomingRecord;
using prometheus::LabelPairs;
using prometheus::MetricType;
using prometheus::Operation;
using prometheus::Rejection;
using prometheus::RejectReason;

// Bounds on what one message may make the collector hold; beyond them the
// message or record is rejected as too_large. Python phanos' records are far
// below them (a few short labels).
struct RecordLimits {
  std::size_t max_message_bytes = 4 << 20;
  std::size_t max_labels = 32;        // per record, and key/value pairs of an info value
  std::size_t max_text_bytes = 1024;  // each label name/value and string field
};

struct ParsedMessage {
  std::vector<IncomingRecord> records;  // the valid ones, in order
  std::vector<Rejection> rejections;    // one per invalid record, or one for the whole message
};

ParsedMessage parse_message(std::string_view body, const RecordLimits& limits = {});

}  // namespace phanos::collector
