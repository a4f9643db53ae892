#include "forks.hpp"

#include <pthread.h>

#include <atomic>

#include "waiting_records.hpp"

namespace phanos::detail {
namespace {

std::atomic<std::uint64_t> forks{0};

// The registry's writer publishes into a shared cell: the writer first.
void before_fork() {
  lock_registry_writer();
  lock_shared_cells();
  lock_shared_records();
  lock_stream_output();
}

void unlock_all() {
  unlock_stream_output();
  unlock_shared_records();
  unlock_shared_cells();
  unlock_registry_writer();
}

void in_child() {
  unlock_all();
  forks.fetch_add(1, std::memory_order_relaxed);
  // Every thread's waiting records are the parent's, which hands them over.
  discard_waiting_records();
}

[[maybe_unused]] const int atfork_handlers_registered = pthread_atfork(before_fork, unlock_all, in_child);

}  // namespace

std::uint64_t forks_of_this_process() noexcept { return forks.load(std::memory_order_relaxed); }

}  // namespace phanos::detail
