// The asynchronous RabbitMQ handler's queue: bounded, never blocking its
// producers, counting every item it drops.

#include "handlers/rabbit/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace {

using phanos::detail::BoundedQueue;
using Clock = std::chrono::steady_clock;

TEST(BoundedQueue, DropsAndCountsBeyondCapacity) {
  BoundedQueue<int> queue(2);
  EXPECT_TRUE(queue.push(1));
  EXPECT_TRUE(queue.push(2));
  EXPECT_FALSE(queue.push(3));
  EXPECT_FALSE(queue.push(4));
  EXPECT_EQ(queue.dropped(), 2u);
  EXPECT_EQ(queue.pop_until(Clock::now()), 1);
  EXPECT_TRUE(queue.push(5));  // room again
  EXPECT_EQ(queue.pop_until(Clock::now()), 2);
  EXPECT_EQ(queue.pop_until(Clock::now()), 5);
  EXPECT_EQ(queue.dropped(), 2u);
}

TEST(BoundedQueue, LooksFullAtCapacityAndCountsDropsDeclined) {
  BoundedQueue<int> queue(2);
  queue.push(1);
  EXPECT_FALSE(queue.looks_full());
  queue.push(2);
  EXPECT_TRUE(queue.looks_full());
  queue.count_drop();  // a producer that did not even make its item
  EXPECT_EQ(queue.dropped(), 1u);
  queue.pop_until(Clock::now());
  EXPECT_FALSE(queue.looks_full());
}

TEST(BoundedQueue, PopWaitsUntilTheDeadline) {
  BoundedQueue<int> queue(1);
  const auto before = Clock::now();
  EXPECT_FALSE(queue.pop_until(before + std::chrono::milliseconds(50)));
  EXPECT_GE(Clock::now() - before, std::chrono::milliseconds(50));
}

TEST(BoundedQueue, WakeEndsAWaitingPop) {
  BoundedQueue<int> queue(1);
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.wake();
  });
  const auto before = Clock::now();
  EXPECT_FALSE(queue.pop_until(before + std::chrono::seconds(10)));
  EXPECT_LT(Clock::now() - before, std::chrono::seconds(5));
  waker.join();
}

TEST(BoundedQueue, WaitDoneUntilEverythingPushedIsDone) {
  BoundedQueue<int> queue(4);
  queue.push(1);
  queue.push(2);
  EXPECT_FALSE(queue.wait_done_until(Clock::now() + std::chrono::milliseconds(10)));
  ASSERT_TRUE(queue.pop_until(Clock::now()));
  queue.done();
  EXPECT_FALSE(queue.wait_done_until(Clock::now()));  // the second is still queued
  ASSERT_TRUE(queue.pop_until(Clock::now()));
  queue.done();
  EXPECT_TRUE(queue.wait_done_until(Clock::now()));
}

TEST(BoundedQueue, CloseDiscardsWhatIsLeftAndDropsLaterPushes) {
  BoundedQueue<int> queue(4);
  queue.push(1);
  queue.push(2);
  EXPECT_EQ(queue.close(), 2u);
  EXPECT_TRUE(queue.wait_done_until(Clock::now()));  // nothing left to wait for
  EXPECT_FALSE(queue.push(3));
  EXPECT_EQ(queue.dropped(), 1u);
  EXPECT_EQ(queue.size(), 0u);
}

// Many producers, one consumer: every push is either taken or counted as a
// drop, and the consumer gets exactly the taken ones (also a TSan test).
TEST(BoundedQueue, ProducersAndConsumerAccountForEveryItem) {
  BoundedQueue<int> queue(8);
  constexpr int producers = 4, per_producer = 5000;
  std::atomic<int> taken{0};
  std::atomic<bool> producing{true};
  int consumed = 0;
  std::thread consumer([&] {
    while (producing.load() || queue.size() > 0) {
      if (queue.pop_until(Clock::now() + std::chrono::milliseconds(1))) {
        ++consumed;
        queue.done();
      }
    }
  });
  std::vector<std::thread> threads;
  for (int p = 0; p < producers; ++p) {
    threads.emplace_back([&] {
      for (int i = 0; i < per_producer; ++i) taken += queue.push(i) ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  producing = false;
  consumer.join();
  EXPECT_EQ(taken + static_cast<int>(queue.dropped()), producers * per_producer);
  EXPECT_EQ(consumed, taken.load());
  EXPECT_TRUE(queue.wait_done_until(Clock::now()));
}

}  // namespace
