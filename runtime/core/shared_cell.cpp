#include "shared_cell.hpp"

#include <cstdint>

#include "forks.hpp"

namespace phanos::detail {
namespace {

constexpr std::size_t lock_count = 16;

// Never destroyed: cells are read during static destruction.
std::mutex* locks() {
  static auto* made = new std::mutex[lock_count];
  return made;
}

}  // namespace

// No thread holds two of them otherwise.
void lock_shared_cells() {
  for (std::size_t i = 0; i < lock_count; ++i) locks()[i].lock();
}

void unlock_shared_cells() {
  for (std::size_t i = 0; i < lock_count; ++i) locks()[i].unlock();
}

std::mutex& lock_of_cell(const void* cell) noexcept {
  // Cells are at least 16 bytes apart; the bits above spread them.
  const auto address = reinterpret_cast<std::uintptr_t>(cell);
  return locks()[(address >> 4) % lock_count];
}

}  // namespace phanos::detail
