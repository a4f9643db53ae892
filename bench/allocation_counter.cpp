#include "allocation_counter.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace phanos_bench {
namespace {

std::atomic<long> in_use{0};
std::atomic<long> peak{0};
std::atomic<long> made{0};

void* counted_allocation(std::size_t size) {
  void* block = std::malloc(size == 0 ? 1 : size);
  if (block == nullptr) throw std::bad_alloc();
  made.fetch_add(1, std::memory_order_relaxed);
  const long now =
      in_use.fetch_add(static_cast<long>(malloc_usable_size(block))) + static_cast<long>(malloc_usable_size(block));
  long seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
  return block;
}

void counted_release(void* block) noexcept {
  if (block == nullptr) return;
  in_use.fetch_sub(static_cast<long>(malloc_usable_size(block)));
  std::free(block);
}

}  // namespace

long heap_in_use() noexcept { return in_use.load(); }
long peak_heap() noexcept { return peak.load(); }
long allocations_made() noexcept { return made.load(std::memory_order_relaxed); }
void reset_peak() noexcept { peak.store(in_use.load()); }

}  // namespace phanos_bench

// Aligned forms are not replaced: nothing measured here uses them.
void* operator new(std::size_t size) { return phanos_bench::counted_allocation(size); }
void* operator new[](std::size_t size) { return phanos_bench::counted_allocation(size); }
void operator delete(void* block) noexcept { phanos_bench::counted_release(block); }
void operator delete[](void* block) noexcept { phanos_bench::counted_release(block); }
void operator delete(void* block, std::size_t) noexcept { phanos_bench::counted_release(block); }
void operator delete[](void* block, std::size_t) noexcept { phanos_bench::counted_release(block); }
