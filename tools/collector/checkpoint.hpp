#pragma once
// The format of the collector's state file (--state-file, docs/collector.md):
// everything its counts are made of, so that a collector restarted, even
// after SIGKILL, goes on from them. Version 1 is text, one item per line;
// a string is written <length>:<bytes> (so any bytes fit, newlines too), a
// count in decimal, a double in hexadecimal floating point (exact):
//
//   phanos-collector-state 1
//   queue <string>
//   buckets <n> <bound>...
//   counts <messages> <duplicates> <records> <dropped series>
//   rejected <n> (<reason> <count>)...
//   metrics <n>
//   metric <name> <type> <units> <series>              each metric, then each series:
//   <n> (<label name> <label value>)... <value>
//   message_ids <n>
//   <bytes shared with the id before> <the rest>       each id, oldest first
//   checksum <FNV-1a 64 of every byte before this line, 16 hex digits>
//
// A series' value: histogram and summary <n> <bucket count>... <sum> <count>;
// counter and gauge <number>; info <n> (<name> <value>)...; enum <n>
// <state seen>... <current state>. An id shares most of its bytes with the
// one before ("<prefix>-<n>", runtime/amqp/message_ids.hpp): the ids of one
// publisher take 7 bytes each, those of four publishers interleaved 22.

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "collector_counts.hpp"
#include "duplicate_window.hpp"
#include "metric_store.hpp"

namespace phanos::collector {

// What a checkpoint is made of, borrowed from the collector while it is written.
struct CheckpointSource {
  std::string_view queue;  // what the counts are of
  const std::vector<double>& bucket_bounds;
  const std::map<std::string, prometheus::Family>& families;
  const CollectorCounts& counts;
  const DuplicateWindow& received;
};

// What a checkpoint read back holds.
struct CollectorState {
  std::string queue;
  std::vector<double> bucket_bounds;
  std::map<std::string, prometheus::Family> families;
  CollectorCounts counts;
  std::vector<std::string> message_ids;  // oldest first
};

std::string encode_checkpoint(const CheckpointSource& source);
// Ends `contents` (the header and the body) with their checksum line.
void append_checksum(std::string& contents);

// The state, or what is wrong with `bytes` as a sentence that follows the
// file's name: "is truncated (...)", "is corrupt (...)", "is version 2 ...".
std::variant<CollectorState, std::string> decode_checkpoint(std::string_view bytes);

}  // namespace phanos::collector
