// AsyncImpProfHandler with no broker to talk to (a port nothing listens
// on): handle() never waits, every message it could not keep is counted,
// and destruction ends within the drain timeout. The broker tests are in
// test/rabbitmq; this part runs under the sanitizers too.

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <phanos/rabbitmq.hpp>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// A local port that refuses connections: bound, never listened on.
class RefusingPort {
 public:
  RefusingPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~RefusingPort() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

std::vector<phanos::Record> records() {
  phanos::Record record;
  record.item = "Worker";
  record.metric = "histogram";
  record.units = "mS";
  record.job = "unit";
  record.method = "Worker:step";
  record.operation = "observe";
  return {record};
}

TEST(AsyncImpProfHandler, FullQueueDropsAndCountsWithoutWaiting) {
  RefusingPort nowhere;
  phanos::RabbitParams params;
  params.port = nowhere.port();
  params.queue_capacity = 4;
  params.drain_timeout = 0.2;
  const auto batch = records();
  auto handler = std::make_unique<phanos::AsyncImpProfHandler>("rabbit", params);
  Clock::duration longest{};
  constexpr int calls = 200;
  for (int i = 0; i < calls; ++i) {
    const auto before = Clock::now();
    handler->handle(batch, "time_profiler");
    longest = std::max(longest, Clock::now() - before);
  }
  // The queue holds 4 and the thread at most 1 more; the rest were dropped.
  EXPECT_GE(handler->dropped(), static_cast<std::uint64_t>(calls - 5));
  EXPECT_LT(longest, std::chrono::milliseconds(100));
  const auto before = Clock::now();
  handler.reset();
  EXPECT_LT(Clock::now() - before, std::chrono::seconds(3));  // drain 0.2 s, then stops
}

TEST(AsyncImpProfHandler, EveryMessageIsQueuedOrCountedAcrossThreads) {
  RefusingPort nowhere;
  phanos::RabbitParams params;
  params.port = nowhere.port();
  params.queue_capacity = 16;
  params.drain_timeout = 0;
  auto handler = std::make_unique<phanos::AsyncImpProfHandler>("rabbit", params);
  const auto batch = records();
  constexpr int threads = 4, per_thread = 500;
  std::vector<std::thread> callers;
  for (int t = 0; t < threads; ++t) {
    callers.emplace_back([&] {
      for (int i = 0; i < per_thread; ++i) handler->handle(batch, "time_profiler");
    });
  }
  for (auto& caller : callers) caller.join();
  auto* raw = handler.get();
  const auto dropped_while_running = raw->dropped();
  EXPECT_GE(dropped_while_running, static_cast<std::uint64_t>(threads * per_thread - 17));
  EXPECT_LE(dropped_while_running, static_cast<std::uint64_t>(threads * per_thread));
}

}  // namespace
