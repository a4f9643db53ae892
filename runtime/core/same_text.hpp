#pragma once
// Equality of two texts, inline: label names and values are mostly a few
// bytes, which a call of memcmp would take longer over than comparing them.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace phanos::detail {

inline bool same_text(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  std::size_t n = a.size();
  const auto same_word = [](const char* p, const char* q, auto word) {
    std::memcpy(&word, p, sizeof word);
    decltype(word) other;
    std::memcpy(&other, q, sizeof other);
    return word == other;
  };
  for (; n >= 8; x += 8, y += 8, n -= 8) {
    if (!same_word(x, y, std::uint64_t{})) return false;
  }
  // The 1 to 7 bytes left, read as two words (or three bytes) that overlap.
  if (n >= 4) return same_word(x, y, std::uint32_t{}) && same_word(x + n - 4, y + n - 4, std::uint32_t{});
  if (n == 0) return true;
  return x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1];
}

}  // namespace phanos::detail
