#pragma once
// Identifies a type without RTTI, so instrumented code also builds with
// -fno-rtti: one inline variable per type, whose address is the identity.

namespace phanos::detail {

using TypeId = const void*;

template <class T>
inline constexpr char type_tag = 0;

template <class T>
constexpr TypeId type_id() noexcept {
  return &type_tag<T>;
}

}  // namespace phanos::detail
