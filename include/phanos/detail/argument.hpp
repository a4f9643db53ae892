#pragma once
// The arguments of a profiled call, as hooks see them: where each one is and
// its type. The plugin passes every parameter by name; these only point at
// them, nothing is copied.

#include <cstddef>
#include <memory>
#include <type_traits>

#include "phanos/detail/type_id.hpp"

namespace phanos::detail {

struct Argument {
  const void* address;  // null for a parameter without a name
  TypeId type;
};

struct Arguments {
  const Argument* items = nullptr;
  std::size_t count = 0;
};

// Stands for a parameter without a name, keeping the others' positions.
struct UnnamedArgument {};
inline constexpr UnnamedArgument unnamed_argument{};

template <class T>
Argument argument_of(T& value) noexcept {
  using Value = std::remove_cv_t<T>;
  if constexpr (std::is_same_v<Value, UnnamedArgument>) {
    return {nullptr, nullptr};
  } else {
    const volatile void* address = std::addressof(value);
    return {const_cast<const void*>(address), type_id<Value>()};
  }
}

}  // namespace phanos::detail
