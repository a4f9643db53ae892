#pragma once
// The message_id every message of phanos carries, so that a consumer can
// drop a message it received twice (a publish repeated after a reconnect).
// "<16 hex digits>-<n>": the digits are drawn from the system's random
// source when the publisher starts, n counts its messages from 1. Two
// publishers (in one process, in two processes, or one before and one after
// a restart) share a prefix with a chance of about 1 in 2^64.

#include <cstdint>
#include <string>

namespace phanos::detail {

class MessageIds {
 public:
  MessageIds();
  // Not thread-safe: one publisher's thread.
  std::string next();

 private:
  std::string prefix_;
  std::uint64_t count_ = 0;
};

}  // namespace phanos::detail
