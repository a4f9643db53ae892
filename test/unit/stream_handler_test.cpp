#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <thread>

#include "test_support.hpp"

namespace phanos {
namespace {

Record record_with_method(std::string method) {
  return Record{"Api", "histogram", "mS", "EXAMPLE", std::move(method), {}, "observe", 0.25};
}

TEST(StreamHandler, WritesOneLinePerRecord) {
  std::ostringstream out;
  StreamHandler handler("text", out);
  EXPECT_EQ(handler.handler_name(), "text");
  handler.handle({record_with_method("Api:get"), record_with_method("Api:get.child")}, "time_profiler");
  EXPECT_EQ(out.str(),
            "profiler: time_profiler, method: Api:get, value: 0.25 mS\n"
            "profiler: time_profiler, method: Api:get.child, value: 0.25 mS\n");
}

TEST(StreamHandler, ConcurrentHandleCallsDoNotInterleave) {
  std::ostringstream out;
  auto first = std::make_shared<StreamHandler>("first", out);
  auto second = std::make_shared<StreamHandler>("second", out);
  constexpr int thread_count = 8;
  constexpr int calls_per_thread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      StreamHandler& handler = t % 2 == 0 ? *first : *second;
      const std::string method = "Thread" + std::to_string(t) + ":run";
      const std::vector<Record> records(3, record_with_method(method));
      for (int i = 0; i < calls_per_thread; ++i) handler.handle(records, "time_profiler");
    });
  }
  for (std::thread& thread : threads) thread.join();

  std::istringstream lines(out.str());
  const std::regex line_format(R"(profiler: time_profiler, method: (Thread\d:run), value: 0\.25 mS)");
  std::string line;
  int count = 0;
  std::string group_method;
  while (std::getline(lines, line)) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, line_format)) << line;
    // The three lines of one handle() call stay together.
    if (count % 3 == 0) group_method = match[1];
    EXPECT_EQ(match[1], group_method);
    ++count;
  }
  EXPECT_EQ(count, thread_count * calls_per_thread * 3);
}

}  // namespace
}  // namespace phanos
