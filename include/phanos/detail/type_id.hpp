#pragma once
// Identifies a type without RTTI, so instrumented code also builds with
// -fno-rtti: one static member per type, whose address is the identity (a
// class template's static member rather than an inline variable, because the
// code the plugin generates includes this header from C++11 on).

namespace phanos {
namespace detail {

using TypeId = const void*;

template <class T>
struct TypeTag {
  static const char tag;
};
template <class T>
const char TypeTag<T>::tag = 0;

template <class T>
constexpr TypeId type_id() noexcept {
  return &TypeTag<T>::tag;
}

}  // namespace detail
}  // namespace phanos
