#pragma once
// The profiler and its handlers are never destroyed (profiled calls may run
// during static destruction), so the asynchronous handlers' queues are
// drained from an atexit function instead of a destructor.

#include <memory>

namespace phanos::detail {

class AsyncPublisher;

// At exit, calls finish() on `publisher` if it is still alive.
void finish_at_exit(const std::shared_ptr<AsyncPublisher>& publisher);

}  // namespace phanos::detail
