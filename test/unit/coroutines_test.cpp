// Profiled coroutines at run time, written the way the plugin writes them
// (see include/phanos/detail/coroutine.hpp), so that they also run under the
// sanitizers: many coroutines hopping between pool threads keep their own
// context, every record arrives once, and nothing races.

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <coroutine>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace phanos {
namespace {

using test::profiled;

constexpr detail::Site job_site{"job", "Jobs", "Jobs::job", "c.cpp", 1};
constexpr detail::Site step_site{"step", "Jobs", "Jobs::step", "c.cpp", 2};
constexpr detail::Site idle_site{"idle", "Pool", "Pool::idle", "c.cpp", 3};
constexpr detail::Site parent_site{"parent", "Jobs", "Jobs::parent", "c.cpp", 5};
constexpr detail::Site child_site{"child", "Jobs", "Jobs::child", "c.cpp", 6};

// Started at once, and freed when it completes; `done` counts completions.
struct Detached {
  struct promise_type {
    Detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};

// One thread resuming what is handed to it, making a profiled call after
// each resumption (outside the coroutine, so never its child).
class PoolThread {
 public:
  PoolThread() : thread_([this] { run(); }) {}
  ~PoolThread() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_one();
    thread_.join();
  }
  void post(std::coroutine_handle<> handle) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(handle);
    }
    ready_.notify_one();
  }

 private:
  void run() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      std::coroutine_handle<> next = queue_.front();
      queue_.pop_front();
      lock.unlock();
      next.resume();
      profiled(idle_site, [] {});
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::coroutine_handle<>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

// co_await hop{pool}: go on in that pool thread.
struct Hop {
  PoolThread& pool;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> handle) { pool.post(handle); }
  void await_resume() const noexcept {}
};

// [[phanos::profile]] Detached job(PoolThread* pools, int hops, std::atomic<int>& done)
Detached job(PoolThread* pools, int hops, std::atomic<int>& done) {
  auto phanos_coroutine_ = detail::profile_coroutine<Detached::promise_type>(job_site, __builtin_coro_frame());
  for (int i = 0; i < hops; ++i) {
    profiled(step_site, [] {});
    co_await detail::track(phanos_coroutine_, Hop{pools[i % 2]});
  }
  done.fetch_add(1);
}

// Started by its awaiter, by symmetric transfer, and resuming it the same way.
class Lazy {
 public:
  struct promise_type {
    std::coroutine_handle<> continuation;
    Lazy get_return_object() noexcept { return Lazy(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct Continue {
        bool await_ready() const noexcept { return false; }
        std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> done) noexcept {
          return done.promise().continuation;
        }
        void await_resume() const noexcept {}
      };
      return Continue{};
    }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
  Lazy(Lazy&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  ~Lazy() {
    if (handle_) handle_.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
    handle_.promise().continuation = awaiting;
    return handle_;
  }
  void await_resume() const noexcept {}

 private:
  explicit Lazy(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
  std::coroutine_handle<promise_type> handle_;
};

// [[phanos::profile]] Lazy child(PoolThread* pools)
Lazy child(PoolThread* pools) {
  auto phanos_coroutine_ = detail::profile_coroutine<Lazy::promise_type>(child_site, __builtin_coro_frame());
  profiled(step_site, [] {});
  co_await detail::track(phanos_coroutine_, Hop{pools[1]});
  profiled(step_site, [] {});
}

// [[phanos::profile]] Detached parent(PoolThread* pools, std::atomic<int>& done)
Detached parent(PoolThread* pools, std::atomic<int>& done) {
  auto phanos_coroutine_ = detail::profile_coroutine<Detached::promise_type>(parent_site, __builtin_coro_frame());
  co_await detail::track(phanos_coroutine_, Hop{pools[0]});
  co_await detail::track(phanos_coroutine_, child(pools));
  done.fetch_add(1);
}

class CountingHandler : public Handler {
 public:
  using Handler::Handler;
  void handle(const std::vector<Record>& records, std::string_view) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Record& record : records) ++counts_[record.method];
  }
  std::map<std::string, int> counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, int> counts_;
};

TEST(Coroutines, HoppingBetweenThreadsKeepsTheirContextAndLoseNoRecord) {
  test::reset_profiler(test::example_config());
  profiler().delete_handlers();
  auto counting = std::make_shared<CountingHandler>("counting");
  profiler().add_handler(counting);

  constexpr int jobs = 200;
  constexpr int hops = 10;
  std::atomic<int> done{0};
  {
    PoolThread pools[2];
    // Started from two threads at once, outside any profiled call: roots.
    std::thread starters[2];
    for (int s = 0; s < 2; ++s) {
      starters[s] = std::thread([&] {
        for (int j = 0; j < jobs / 2; ++j) job(pools, hops, done);
      });
    }
    for (std::thread& starter : starters) starter.join();
    while (done.load() < jobs) std::this_thread::yield();
  }  // pool threads stop after their last hand-over

  const std::map<std::string, int> expected{
      {"Jobs:job", jobs}, {"Jobs:job.step", jobs * hops}, {"Pool:idle", jobs * hops}};
  EXPECT_EQ(counting->counts(), expected);
}

TEST(Coroutines, AChildStartedBySymmetricTransferOnAPoolThreadHasItsAwaiterAsParent) {
  test::reset_profiler(test::example_config());
  profiler().delete_handlers();
  auto counting = std::make_shared<CountingHandler>("counting");
  profiler().add_handler(counting);

  constexpr int parents = 200;
  std::atomic<int> done{0};
  {
    PoolThread pools[2];
    for (int p = 0; p < parents; ++p) parent(pools, done);
    while (done.load() < parents) std::this_thread::yield();
  }

  // Each parent: resumed by pool 0, starts its child there; the child goes
  // on in pool 1 and resumes the parent there when it completes.
  const std::map<std::string, int> expected{{"Jobs:parent", parents},
                                            {"Jobs:parent.child", parents},
                                            {"Jobs:parent.child.step", 2 * parents},
                                            {"Pool:idle", 2 * parents}};
  EXPECT_EQ(counting->counts(), expected);
}

// [[phanos::profile]] Detached suspended_forever(std::coroutine_handle<>& out)
Detached suspended_forever(std::coroutine_handle<>& out) {
  struct Park {
    std::coroutine_handle<>& out;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> handle) noexcept { out = handle; }
    void await_resume() const noexcept {}
  };
  auto phanos_coroutine_ = detail::profile_coroutine<Detached::promise_type>(job_site, __builtin_coro_frame());
  profiled(step_site, [] {});
  co_await detail::track(phanos_coroutine_, Park{out});
  profiled(step_site, [] {});
}

TEST(Coroutines, DestroyedWhileSuspendedRecordsNothingMoreAndLeavesTheTreeAlone) {
  auto capture = test::reset_profiler(test::example_config());
  constexpr detail::Site outer_site{"outer", "Outer", "Outer::outer", "c.cpp", 4};
  std::coroutine_handle<> parked;
  profiled(outer_site, [&] {
    suspended_forever(parked);
    parked.destroy();
    profiled(step_site, [] {});
  });
  EXPECT_EQ(test::methods_of(capture->all_records()),
            (std::vector<std::string>{"Outer:outer.job.step", "Outer:outer.step", "Outer:outer"}));
}

}  // namespace
}  // namespace phanos
