// The asynchronous RabbitMQ handler's queue: bounded, never blocking its
// producers, counting every item it drops.

#include "bounded_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <thread>
#include <vector>

namespace {

using phanos::detail::BoundedQueue;
using Clock = std::chrono::steady_clock;

std::deque<int> items(std::initializer_list<int> values) { return std::deque<int>(values); }

TEST(BoundedQueue, DropsAndCountsBeyondCapacity) {
  BoundedQueue<int> queue(2);
  EXPECT_TRUE(queue.push(1));
  EXPECT_TRUE(queue.push(2));
  EXPECT_FALSE(queue.push(3));
  EXPECT_FALSE(queue.push(4));
  EXPECT_EQ(queue.dropped(), 2u);
  EXPECT_EQ(queue.take_all_until(Clock::now()), items({1, 2}));
  EXPECT_FALSE(queue.push(5));  // what the consumer holds still counts
  queue.done();
  EXPECT_TRUE(queue.push(6));  // room again
  queue.done();
  EXPECT_EQ(queue.take_all_until(Clock::now()), items({6}));
  EXPECT_EQ(queue.dropped(), 3u);
}

TEST(BoundedQueue, LooksFullAtCapacityAndCountsDropsDeclined) {
  BoundedQueue<int> queue(2);
  queue.push(1);
  EXPECT_FALSE(queue.looks_full());
  queue.push(2);
  EXPECT_TRUE(queue.looks_full());
  queue.count_drop();  // a producer that did not even make its item
  EXPECT_EQ(queue.dropped(), 1u);
  queue.take_all_until(Clock::now());
  EXPECT_TRUE(queue.looks_full());
  queue.done(2);
  EXPECT_FALSE(queue.looks_full());
}

TEST(BoundedQueue, TakeWaitsUntilTheDeadline) {
  BoundedQueue<int> queue(1);
  const auto before = Clock::now();
  EXPECT_TRUE(queue.take_all_until(before + std::chrono::milliseconds(50)).empty());
  EXPECT_GE(Clock::now() - before, std::chrono::milliseconds(50));
}

TEST(BoundedQueue, PushWakesAWaitingTake) {
  BoundedQueue<int> queue(1);
  std::thread producer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.push(7);
  });
  const auto before = Clock::now();
  EXPECT_EQ(queue.take_all_until(before + std::chrono::seconds(10)), items({7}));
  EXPECT_LT(Clock::now() - before, std::chrono::seconds(5));
  producer.join();
}

TEST(BoundedQueue, PushesBelowTheWakeBatchWaitForTheConsumersDeadline) {
  BoundedQueue<int> queue(8, 2);
  std::thread producer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.push(1);  // alone: the consumer is not woken for it
  });
  const auto before = Clock::now();
  EXPECT_EQ(queue.take_all_until(before + std::chrono::milliseconds(300)), items({1}));
  EXPECT_GE(Clock::now() - before, std::chrono::milliseconds(300));
  producer.join();
  std::thread batch([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.push(2);
    queue.push(3);  // the second makes a batch: the consumer is woken
  });
  const auto again = Clock::now();
  EXPECT_EQ(queue.take_all_until(again + std::chrono::seconds(10)), items({2, 3}));
  EXPECT_LT(Clock::now() - again, std::chrono::seconds(5));
  batch.join();
}

TEST(BoundedQueue, WakeEndsAWaitingTake) {
  BoundedQueue<int> queue(1);
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.wake();
  });
  const auto before = Clock::now();
  EXPECT_TRUE(queue.take_all_until(before + std::chrono::seconds(10)).empty());
  EXPECT_LT(Clock::now() - before, std::chrono::seconds(5));
  waker.join();
}

TEST(BoundedQueue, WaitDoneUntilEverythingPushedIsDone) {
  BoundedQueue<int> queue(4);
  queue.push(1);
  queue.push(2);
  EXPECT_FALSE(queue.wait_done_until(Clock::now() + std::chrono::milliseconds(10)));
  ASSERT_EQ(queue.take_all_until(Clock::now()).size(), 2u);
  queue.done();
  EXPECT_FALSE(queue.wait_done_until(Clock::now()));  // the second is still in hand
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
      for (int item : queue.take_all_until(Clock::now() + std::chrono::milliseconds(1))) {
        EXPECT_GE(item, 0);
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
