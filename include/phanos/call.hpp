#pragma once
// What a hook sees of a profiled call: the function (its site), its place
// in the call tree, the arguments it was called with, and, after it
// returned, its result.

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "phanos/detail/call_scope.hpp"

namespace phanos {

class Call {
 public:
  explicit Call(const detail::CallScope& scope) noexcept : scope_(scope) {}

  std::string_view name() const noexcept { return scope_.site().name; }
  std::string_view qualified_name() const noexcept { return scope_.site().qualified_name; }
  std::string_view item() const noexcept { return scope_.site().item; }
  std::string_view file() const noexcept { return scope_.site().file; }
  unsigned line() const noexcept { return scope_.site().line; }
  // Where the call stands in its call tree, as its records' method names it:
  // "Item:root.child.name".
  std::string_view context() const noexcept;

  std::size_t arg_count() const noexcept { return scope_.arguments().count; }

  // The i-th argument if it is a T (cv-qualifiers and references aside);
  // null when i is out of range, the type differs, or the parameter has no name.
  template <class T>
  const T* arg(std::size_t i) const noexcept {
    const detail::Arguments arguments = scope_.arguments();
    if (i >= arguments.count || arguments.items[i].type != detail::type_id<std::remove_cv_t<T>>()) return nullptr;
    return static_cast<const T*>(arguments.items[i].address);
  }

  // The result if the call returned a T; null before it returned, for void,
  // when it threw, or when the type differs.
  template <class T>
  const T* result() const noexcept {
    return static_cast<const T*>(scope_.result(detail::type_id<std::remove_cv_t<T>>()));
  }

 private:
  const detail::CallScope& scope_;
};

}  // namespace phanos
