#pragma once
// A growing array of trivially copyable entries for the path every profiled
// call takes: appending is a compare and a store, inline, with growth out of
// line. (std::vector::push_back keeps its reallocation inline, so every
// caller saves all its registers first, even when there is room.)

#include <algorithm>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

namespace phanos::detail {

// The first growth takes room for `first_room` entries at once: growing by
// doubling from one would hold up to twice the entries.
template <class Entry, std::size_t first_room>
class AppendBuffer {
  static_assert(std::is_trivially_copyable_v<Entry>);

 public:
  void append(const Entry& entry) {
    if (size_ == room_) return grow_and_append(entry);  // a tail call: nothing to save around it
    entries_[size_++] = entry;
  }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return room_; }
  const Entry& operator[](std::size_t i) const noexcept { return entries_[i]; }
  const Entry* begin() const noexcept { return entries_.get(); }
  const Entry* end() const noexcept { return entries_.get() + size_; }
  void clear() noexcept { size_ = 0; }
  void swap(AppendBuffer& other) noexcept {
    entries_.swap(other.entries_);
    std::swap(size_, other.size_);
    std::swap(room_, other.room_);
  }

 private:
  [[gnu::noinline]] void grow_and_append(Entry entry) {
    const std::size_t room = std::max(first_room, 2 * room_);
    std::unique_ptr<Entry[]> grown(new Entry[room]);
    std::copy(begin(), end(), grown.get());
    entries_ = std::move(grown);
    room_ = room;
    entries_[size_++] = entry;
  }

  std::unique_ptr<Entry[]> entries_;
  std::size_t size_ = 0;
  std::size_t room_ = 0;
};

}  // namespace phanos::detail
