// A root with many children holds a bounded heap whatever their number:
// their records are handed over every waiting_records_limit, and the
// buffers a thread keeps for the next hand-over are sized once, not grown
// by doubling (runtime/core/record_pool.hpp). The bound is issue 18's goal,
// which bench/README.md's memory table measures with the benchmark too.
// Heap use is counted by bench/allocation_counter.cpp's operator new.

#include <gtest/gtest.h>

#include <thread>

#include "../../bench/allocation_counter.hpp"
#include "counting_handler.hpp"
#include "test_support.hpp"

namespace phanos {
namespace {

constexpr detail::Site parent_site{"parent", "Fanout", "Fanout::parent", "fanout.cpp", 1};
constexpr detail::Site child_site{"child", "Fanout", "Fanout::child", "fanout.cpp", 2};

void parent_of(int children) {
  test::profiled(parent_site, [&] {
    for (int i = 0; i < children; ++i) test::profiled(child_site, [] {});
  });
}

// The heap phanos holds at the peak of one root, on a thread of its own, so
// that no buffer of an earlier root is reused.
long peak_heap_of_root_on_new_thread(int children) {
  const long before = phanos_bench::heap_in_use();
  phanos_bench::reset_peak();
  std::thread([&] { parent_of(children); }).join();
  return phanos_bench::peak_heap() - before;
}

TEST(RootMemory, TenThousandChildrenHoldAtMost80KiB) {
  const auto counter = test::reset_profiler_counting();
  parent_of(10'000);  // call paths are made once per process

  const long ten_thousand = peak_heap_of_root_on_new_thread(10'000);

  EXPECT_EQ(counter->count, 10'001u + 10'001u);
  EXPECT_LE(ten_thousand, 80 * 1024);
  profiler().delete_handlers();
}

}  // namespace
}  // namespace phanos
