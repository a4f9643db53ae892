// RecordInbox: batches from profiled threads reach the server thread whole
// and in order; beyond the capacity a batch is dropped and counted.

#include <gtest/gtest.h>

#include "record_inbox.hpp"

namespace phanos::prometheus {
namespace {

std::vector<Record> records(std::size_t count, const std::string& method) {
  std::vector<Record> made(count);
  for (Record& record : made) record.method = method;
  return made;
}

TEST(RecordInbox, HandsOverBatchesInOrderAndEmpties) {
  RecordInbox inbox(10);
  inbox.add(records(2, "a"));
  inbox.add(records(3, "b"));
  const std::vector<RecordInbox::Batch> taken = inbox.take();
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(taken[0].size(), 2u);
  EXPECT_EQ(taken[1].front().method, "b");
  EXPECT_TRUE(inbox.take().empty());
}

TEST(RecordInbox, ABatchBeyondTheCapacityIsDroppedWholeAndCounted) {
  RecordInbox inbox(4);
  inbox.add(records(3, "kept"));
  inbox.add(records(2, "dropped"));
  EXPECT_EQ(inbox.dropped(), 2u);
  ASSERT_EQ(inbox.take().size(), 1u);
  inbox.add(records(4, "room again"));  // taking frees the capacity
  EXPECT_EQ(inbox.take().size(), 1u);
  EXPECT_EQ(inbox.dropped(), 2u);
}

}  // namespace
}  // namespace phanos::prometheus
