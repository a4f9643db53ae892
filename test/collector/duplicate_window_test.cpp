// The collector's window of message_ids (--dedup-window).
#include "duplicate_window.hpp"

#include <gtest/gtest.h>

namespace phanos::collector {
namespace {

TEST(DuplicateWindow, AnIdSeenWithinTheWindowIsADuplicate) {
  DuplicateWindow window(3);
  EXPECT_FALSE(window.seen_before("a-1"));
  EXPECT_FALSE(window.seen_before("a-2"));
  EXPECT_TRUE(window.seen_before("a-1"));
  EXPECT_TRUE(window.seen_before("a-2"));
}

TEST(DuplicateWindow, TheOldestIdIsForgottenBeyondTheWindow) {
  DuplicateWindow window(2);
  EXPECT_FALSE(window.seen_before("1"));
  EXPECT_FALSE(window.seen_before("2"));
  EXPECT_FALSE(window.seen_before("3"));  // forgets "1"
  EXPECT_FALSE(window.seen_before("1"));  // forgets "2"
  EXPECT_TRUE(window.seen_before("3"));
  EXPECT_FALSE(window.seen_before("2"));
}

TEST(DuplicateWindow, ZeroKeepsNothing) {
  DuplicateWindow window(0);
  EXPECT_FALSE(window.seen_before("x"));
  EXPECT_FALSE(window.seen_before("x"));
}

}  // namespace
}  // namespace phanos::collector
