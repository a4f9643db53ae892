#pragma once
// The message_ids of the last N messages (--dedup-window N): a message whose
// id is among them was received before (published again after a lost
// confirm, or delivered again after a consumer died before its ack) and is
// dropped. Bounded: N ids, the oldest forgotten first; N = 0 keeps none.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>

namespace phanos::collector {

class DuplicateWindow {
 public:
  explicit DuplicateWindow(std::size_t capacity) : capacity_(capacity) {}

  // Whether `id` is among the last `capacity` ids; remembers it when not.
  bool seen_before(std::string_view id);

  std::size_t size() const { return order_.size(); }
  // Calls `visit` with each id held, oldest first.
  template <class Visit>
  void for_each_oldest_first(Visit&& visit) const {
    for (const std::string* id : order_) visit(std::string_view(*id));
  }

 private:
  std::size_t capacity_;
  std::unordered_set<std::string> ids_;
  std::deque<const std::string*> order_;  // into ids_, oldest first
};

}  // namespace phanos::collector
