#include "finish_at_exit.hpp"

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace phanos::detail {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<std::weak_ptr<FinishesAtExit>> objects;
};

// Never destroyed: it is used by an atexit function.
Registry& registry() {
  static auto* instance = new Registry;
  return *instance;
}

void finish_all() {
  std::vector<std::weak_ptr<FinishesAtExit>> objects;
  {
    std::lock_guard<std::mutex> lock(registry().mutex);
    objects.swap(registry().objects);
  }
  for (const auto& weak : objects) {
    if (const auto object = weak.lock()) object->finish();
  }
}

}  // namespace

void finish_at_exit(const std::shared_ptr<FinishesAtExit>& object) {
  static std::once_flag registered;
  std::call_once(registered, [] { std::atexit(finish_all); });
  std::lock_guard<std::mutex> lock(registry().mutex);
  auto& objects = registry().objects;
  // Handlers come and go: forget the ones already destroyed.
  objects.erase(std::remove_if(objects.begin(), objects.end(),
                               [](const std::weak_ptr<FinishesAtExit>& weak) { return weak.expired(); }),
                objects.end());
  objects.push_back(object);
}

}  // namespace phanos::detail
