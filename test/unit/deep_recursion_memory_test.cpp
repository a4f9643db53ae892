// A recursion deeper than the bound on call paths (docs/runtime-limits.md)
// costs phanos no more memory than one at the bound: its calls share the
// paths of the bound, so no node, string or record buffer grows with depth.
// Heap use is counted by bench/allocation_counter.cpp's operator new.

#include <gtest/gtest.h>

#include <cstddef>

#include "../../bench/allocation_counter.hpp"
#include "counting_handler.hpp"
#include "test_support.hpp"

namespace phanos {
namespace {

constexpr detail::Site descend_site{"descend", "Recursion", "Recursion::descend", "recursion.cpp", 1};

int descend(int depth) {
  return test::profiled(descend_site, [&] { return depth == 0 ? 0 : 1 + descend(depth - 1); });
}

// The heap phanos holds at the peak of a recursion `depth` deep.
long peak_heap_of_recursion(int depth) {
  const long before = phanos_bench::heap_in_use();
  phanos_bench::reset_peak();
  descend(depth);
  return phanos_bench::peak_heap() - before;
}

TEST(DeepRecursion, MemoryStopsGrowingAtTheBoundOnCallPaths) {
  const auto counter = test::reset_profiler_counting();

  // The first recursion makes the nodes and buffers the others reuse.
  const long first = peak_heap_of_recursion(1'000);
  const long at_bound_method = static_cast<long>(counter->longest_method);
  const long deep = peak_heap_of_recursion(1'000);
  const long ten_times_deeper = peak_heap_of_recursion(10'000);

  EXPECT_EQ(counter->count, 1'001u + 1'001u + 10'001u);
  EXPECT_EQ(static_cast<long>(counter->longest_method), at_bound_method);
  EXPECT_GT(first, 0);
  EXPECT_LE(ten_times_deeper, deep);
  profiler().delete_handlers();
}

}  // namespace
}  // namespace phanos
