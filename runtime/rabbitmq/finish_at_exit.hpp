#pragma once
// The profiler and its handlers are never destroyed (profiled calls may run
// during static destruction), so what a RabbitMQ handler must do before the
// process ends (drain the asynchronous queue, say goodbye on the blocking
// handler's connection so that the broker takes its last messages) is done
// from an atexit function instead of a destructor.

#include <memory>

namespace phanos::detail {

class FinishesAtExit {
 public:
  virtual ~FinishesAtExit() = default;
  virtual void finish() noexcept = 0;
};

// At exit, calls finish() on `object` if it is still alive.
void finish_at_exit(const std::shared_ptr<FinishesAtExit>& object);

}  // namespace phanos::detail
