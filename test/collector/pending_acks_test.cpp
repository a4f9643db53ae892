// When the collector takes a checkpoint with --state-file (PendingAcks):
// an interval after the first message waiting, at once when the batch is
// full, an interval after a failed one.
#include "pending_acks.hpp"

#include <gtest/gtest.h>

namespace phanos::collector {
namespace {

using std::chrono::milliseconds;
const PendingAcks::Clock::time_point start{std::chrono::seconds(1000)};

TEST(PendingAcks, NothingWaitingIsNeverDue) {
  const PendingAcks pending(milliseconds(200), 3);
  EXPECT_TRUE(pending.empty());
  EXPECT_FALSE(pending.due(start + std::chrono::hours(1)));
  EXPECT_EQ(pending.wait(start, milliseconds(500)), milliseconds(500));
}

TEST(PendingAcks, DueAnIntervalAfterTheFirstMessageWaiting) {
  PendingAcks pending(milliseconds(200), 100);
  pending.delivered(7, start);
  pending.delivered(8, start + milliseconds(150));
  EXPECT_FALSE(pending.due(start + milliseconds(199)));
  EXPECT_EQ(pending.wait(start + milliseconds(150), milliseconds(500)), milliseconds(50));
  EXPECT_EQ(pending.wait(start + milliseconds(10), milliseconds(20)), milliseconds(20));
  EXPECT_TRUE(pending.due(start + milliseconds(200)));
  EXPECT_EQ(pending.wait(start + milliseconds(250), milliseconds(500)), milliseconds(0));
  EXPECT_EQ(pending.last_tag(), 8u);
}

TEST(PendingAcks, DueAtOnceWhenTheBatchIsFull) {
  PendingAcks pending(milliseconds(200), 3);
  pending.delivered(1, start);
  pending.delivered(2, start);
  EXPECT_FALSE(pending.due(start));
  pending.delivered(3, start);
  EXPECT_TRUE(pending.due(start));
  EXPECT_EQ(pending.wait(start, milliseconds(500)), milliseconds(0));
}

TEST(PendingAcks, AfterAFailedCheckpointTheNextTryWaitsAnInterval) {
  PendingAcks pending(milliseconds(200), 2);
  pending.delivered(1, start);
  pending.delivered(2, start);
  pending.checkpoint_failed(start + milliseconds(10));
  pending.delivered(3, start + milliseconds(20));
  EXPECT_FALSE(pending.due(start + milliseconds(209)));
  EXPECT_EQ(pending.wait(start + milliseconds(20), milliseconds(500)), milliseconds(190));
  EXPECT_TRUE(pending.due(start + milliseconds(210)));
  EXPECT_EQ(pending.last_tag(), 3u);
}

TEST(PendingAcks, ClearedItStartsOver) {
  PendingAcks pending(milliseconds(200), 2);
  pending.delivered(1, start);
  pending.checkpoint_failed(start);
  pending.clear();
  EXPECT_TRUE(pending.empty());
  pending.delivered(1, start + milliseconds(50));
  pending.delivered(2, start + milliseconds(50));
  EXPECT_TRUE(pending.due(start + milliseconds(50)));  // the failure is forgotten too
}

}  // namespace
}  // namespace phanos::collector
