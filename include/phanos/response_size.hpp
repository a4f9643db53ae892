#pragma once
// How many bytes a root's result is, for the `response_size` metric.
//
// Strings and contiguous containers count their contents
// (size() * sizeof(value_type)); other trivially copyable values count
// sizeof(T). Any other type is not observed unless you say how:
//
//   template <> struct phanos::response_size<Page> {
//     static std::size_t of(const Page& page) { return page.html.size(); }
//   };

#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

namespace phanos {

namespace detail {

template <class T, class = void>
struct is_contiguous_container : std::false_type {};
template <class T>
struct is_contiguous_container<
    T, std::void_t<typename T::value_type, decltype(std::data(std::declval<const T&>())),
                   decltype(std::size(std::declval<const T&>()))>> : std::true_type {};

}  // namespace detail

template <class T, class Enable = void>
struct response_size {};  // no `of`: results of this type are not observed

template <class T>
struct response_size<T, std::enable_if_t<detail::is_contiguous_container<T>::value>> {
  static std::size_t of(const T& value) { return std::size(value) * sizeof(typename T::value_type); }
};

template <class T>
struct response_size<T, std::enable_if_t<!detail::is_contiguous_container<T>::value &&
                                         std::is_trivially_copyable_v<T>>> {
  static std::size_t of(const T&) { return sizeof(T); }
};

namespace detail {

// The size of a result known only by its address; null when its type has no
// response_size.
using SizeOf = std::size_t (*)(const void* result);

template <class T, class = void>
struct has_response_size : std::false_type {};
template <class T>
struct has_response_size<T, std::void_t<decltype(response_size<T>::of(std::declval<const T&>()))>>
    : std::true_type {};

template <class T>
std::size_t size_of_result(const void* result) {
  return response_size<T>::of(*static_cast<const T*>(result));
}

template <class T>
constexpr SizeOf size_function() noexcept {
  if constexpr (has_response_size<T>::value) {
    return &size_of_result<T>;
  } else {
    return nullptr;
  }
}

}  // namespace detail
}  // namespace phanos
