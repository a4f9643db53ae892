// Hand-written coroutine types for the coroutine tests: a lazily started
// task (symmetric transfer in and out), a FIFO scheduler, an awaitable that
// moves the coroutine to a new thread, and a generator. Nothing here knows
// about phanos.
#pragma once

#include <coroutine>
#include <cstddef>
#include <deque>
#include <exception>
#include <new>
#include <optional>
#include <thread>
#include <utility>

// Coroutine frames alive, to show that none leaks.
inline int live_frames = 0;
struct CountsFrames {
  static void* operator new(std::size_t size) { ++live_frames; return ::operator new(size); }
  static void operator delete(void* frame) noexcept { --live_frames; ::operator delete(frame); }
};

// Runs ready coroutines in turn on the thread that calls run().
struct Scheduler {
  std::deque<std::coroutine_handle<>> ready;
  void run() {
    while (!ready.empty()) {
      std::coroutine_handle<> next = ready.front();
      ready.pop_front();
      next.resume();
    }
  }
  // co_await scheduler.yield(): let the others run first.
  auto yield() {
    struct Yield {
      Scheduler& scheduler;
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<> h) { scheduler.ready.push_back(h); }
      void await_resume() const noexcept {}
    };
    return Yield{*this};
  }
};

// A lazily started task: awaiting it starts it by symmetric transfer, and it
// resumes its awaiter by symmetric transfer when it completes.
template <class T>
class Task {
 public:
  struct promise_type : CountsFrames {
    std::optional<T> value;
    std::exception_ptr error;
    std::coroutine_handle<> continuation = std::noop_coroutine();
    Task get_return_object() { return Task(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct Continue {
        bool await_ready() const noexcept { return false; }
        std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
          return h.promise().continuation;
        }
        void await_resume() const noexcept {}
      };
      return Continue{};
    }
    void return_value(T v) { value = std::move(v); }
    void unhandled_exception() { error = std::current_exception(); }
  };

  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  ~Task() { if (handle_) handle_.destroy(); }

  auto operator co_await() && noexcept {
    struct Awaiter {
      std::coroutine_handle<promise_type> child;
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
        child.promise().continuation = awaiting;
        return child;
      }
      T await_resume() {
        if (child.promise().error) std::rethrow_exception(child.promise().error);
        return std::move(*child.promise().value);
      }
    };
    return Awaiter{handle_};
  }

  // For code that is not a coroutine: start it here, or hand it to a scheduler.
  void start() { handle_.resume(); }
  void schedule(Scheduler& s) { s.ready.push_back(handle_); }
  bool done() const { return handle_.done(); }
  T result() const {
    if (handle_.promise().error) std::rethrow_exception(handle_.promise().error);
    return *handle_.promise().value;
  }

 private:
  explicit Task(std::coroutine_handle<promise_type> h) : handle_(h) {}
  std::coroutine_handle<promise_type> handle_;
};

// co_await resume_on_new_thread(t): the coroutine goes on in a new thread t.
struct resume_on_new_thread {
  std::thread& thread;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { thread = std::thread([h] { h.resume(); }); }
  void await_resume() const noexcept {}
};

template <class T>
class Generator {
 public:
  struct promise_type : CountsFrames {
    T current{};
    Generator get_return_object() { return Generator(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept { current = std::move(v); return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
    void await_transform() = delete;  // a generator does not await
  };
  Generator(Generator&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  ~Generator() { if (handle_) handle_.destroy(); }
  bool next() { handle_.resume(); return !handle_.done(); }
  const T& value() const { return handle_.promise().current; }

 private:
  explicit Generator(std::coroutine_handle<promise_type> h) : handle_(h) {}
  std::coroutine_handle<promise_type> handle_;
};
