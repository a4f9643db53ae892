#pragma once
// The collector's state file (--state-file PATH): its counts on the disk,
// in the checkpoint format (checkpoint.hpp), written durably
// (durable_file.hpp). Loaded at start, so that a collector restarted, even
// after SIGKILL, goes on from its counts; a file that cannot be used stops
// it rather than let it start from zero unnoticed.

#include <optional>
#include <string>

#include "ingest.hpp"
#include "rate_limited_log.hpp"

namespace phanos::collector {

class StateFile {
 public:
  // `queue`: the queue whose messages the counts are of (--queue).
  StateFile(std::string path, std::string queue) : path_(std::move(path)), queue_(std::move(queue)) {}

  // Makes `ingest` go on from the file, when there is one. Otherwise the
  // problem, naming the file: it cannot be read, is not a state file, is
  // truncated or corrupt, is of another version, another queue, or does not
  // fit the collector's options (--buckets, --metric-name, --max-series).
  std::optional<std::string> load_into(Ingest& ingest) const;

  // A checkpoint of everything `ingest` holds; true once it is on the disk,
  // and then `ingest` shows it on /metrics (Ingest::checkpoint_saved). A
  // failure is logged (at most once every 10 s, with their count).
  bool save(Ingest& ingest);

 private:
  std::string path_;
  std::string queue_;
  RateLimitedLog log_;
};

}  // namespace phanos::collector
