// Runs in a process of its own: the profiler has never been configured.

#include <gtest/gtest.h>

#include <stdexcept>

#include "test_support.hpp"

namespace phanos {
namespace {

TEST(Unconfigured, ProfiledCallsJustRunTheBody) {
  EXPECT_FALSE(detail::profiling_active());
  static constexpr detail::Site site{"f", "T", "T::f", "t.cpp", 1};
  EXPECT_EQ(test::profiled(site, [] { return 41 + 1; }), 42);
}

TEST(Unconfigured, AddHandlerBeforeConfigThrows) {
  try {
    profiler().add_handler(std::make_shared<test::CapturingHandler>("capture"));
    FAIL() << "add_handler before config should throw";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "Profiler not configured yet");
  }
  EXPECT_FALSE(detail::profiling_active());
}

}  // namespace
}  // namespace phanos
