#pragma once
// Heap bytes in use and allocations made, counted by the benchmark binary's own operator new and
// delete (allocation_counter.cpp replaces them for the whole program).

namespace phanos_bench {

long heap_in_use() noexcept;
long peak_heap() noexcept;
long allocations_made() noexcept;
// Starts a new peak from the bytes in use now.
void reset_peak() noexcept;

}  // namespace phanos_bench
