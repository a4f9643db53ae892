#include "message_ids.hpp"

#include <cstdio>
#include <random>

namespace phanos::detail {

MessageIds::MessageIds() {
  std::random_device source;  // getrandom() on Linux
  const std::uint64_t drawn = (static_cast<std::uint64_t>(source()) << 32) ^ source();
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(drawn));
  prefix_ = std::string(digits) + "-";
}

std::string MessageIds::next() { return prefix_ + std::to_string(++count_); }

}  // namespace phanos::detail
