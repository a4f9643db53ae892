#pragma once
// The arguments of a profiled call, as hooks see them: where each one is and
// its type. The plugin passes every parameter by name; these only point at
// them, nothing is copied. Included by generated code: C++11.

#include <cstddef>
#include <memory>
#include <type_traits>

#include "phanos/detail/type_id.hpp"

namespace phanos {
namespace detail {

struct Argument {
  const void* address;  // null for a parameter without a name
  TypeId type;
};

struct Arguments {
  // Spelled out: before C++14 default member initializers make a class no
  // aggregate.
  constexpr Arguments() noexcept = default;
  constexpr Arguments(const Argument* first, std::size_t size) noexcept : items(first), count(size) {}

  const Argument* items = nullptr;
  std::size_t count = 0;
};

// Stands for a parameter without a name, keeping the others' positions.
struct UnnamedArgument {};

template <class T>
Argument argument_of(T& value) noexcept {
  const volatile void* address = std::addressof(value);
  return {const_cast<const void*>(address), type_id<typename std::remove_cv<T>::type>()};
}

inline Argument argument_of(UnnamedArgument) noexcept { return {nullptr, nullptr}; }

}  // namespace detail
}  // namespace phanos
