#include "finish_at_exit.hpp"

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "async_publisher.hpp"

namespace phanos::detail {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<std::weak_ptr<AsyncPublisher>> publishers;
};

// Never destroyed: it is used by an atexit function.
Registry& registry() {
  static auto* instance = new Registry;
  return *instance;
}

void finish_all() {
  std::vector<std::weak_ptr<AsyncPublisher>> publishers;
  {
    std::lock_guard<std::mutex> lock(registry().mutex);
    publishers.swap(registry().publishers);
  }
  for (const auto& weak : publishers) {
    if (const auto publisher = weak.lock()) publisher->finish();
  }
}

}  // namespace

void finish_at_exit(const std::shared_ptr<AsyncPublisher>& publisher) {
  static std::once_flag registered;
  std::call_once(registered, [] { std::atexit(finish_all); });
  std::lock_guard<std::mutex> lock(registry().mutex);
  auto& publishers = registry().publishers;
  // Handlers come and go: forget the ones already destroyed.
  publishers.erase(std::remove_if(publishers.begin(), publishers.end(),
                                  [](const std::weak_ptr<AsyncPublisher>& weak) { return weak.expired(); }),
                   publishers.end());
  publishers.push_back(publisher);
}

}  // namespace phanos::detail
