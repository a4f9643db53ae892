#pragma once
// How many bytes a root's result is, for the `response_size` metric (the
// metric itself is phanos::ResponseSize, phanos/metrics/response_size.hpp).
//
// Strings and contiguous containers count their contents
// (size() * sizeof(value_type)); other trivially copyable values count
// sizeof(T). Any other type is not observed unless you say how:
//
//   template <> struct phanos::result_size<Page> {
//     static std::size_t of(const Page& page) { return page.html.size(); }
//   };
//
// The code the plugin generates includes this header, so it stays C++11.

#include <cstddef>
#include <type_traits>
#include <utility>

namespace phanos {

namespace detail {

template <class...>
struct make_void {
  using type = void;
};

// A contiguous container: value_type, data() and size(), as std::data and
// std::size see a container.
template <class T, class = void>
struct is_contiguous_container : std::false_type {};
template <class T>
struct is_contiguous_container<T, typename make_void<typename T::value_type, decltype(std::declval<const T&>().data()),
                                                     decltype(std::declval<const T&>().size())>::type>
    : std::true_type {};

}  // namespace detail

template <class T, class Enable = void>
struct result_size {};  // no `of`: results of this type are not observed

template <class T>
struct result_size<T, typename std::enable_if<detail::is_contiguous_container<T>::value>::type> {
  static std::size_t of(const T& value) { return value.size() * sizeof(typename T::value_type); }
};

template <class T>
struct result_size<T, typename std::enable_if<!detail::is_contiguous_container<T>::value &&
                                              std::is_trivially_copyable<T>::value>::type> {
  static std::size_t of(const T&) { return sizeof(T); }
};

// The trait's first name, phanos::response_size<T>, which programs may
// specialise instead: the generated code asks it, and unless specialised it
// answers as result_size<T> does.
template <class T, class Enable = void>
struct response_size : result_size<T> {};

namespace detail {

// The size of a result known only by its address; null when its type has no
// size (neither trait has `of`).
using SizeOf = std::size_t (*)(const void* result);

template <class T, class = void>
struct has_result_size : std::false_type {};
template <class T>
struct has_result_size<T, typename make_void<decltype(response_size<T>::of(std::declval<const T&>()))>::type>
    : std::true_type {};

template <class T>
std::size_t size_of_result(const void* result) {
  return response_size<T>::of(*static_cast<const T*>(result));
}

template <class T>
constexpr SizeOf size_function(std::true_type /*has_result_size*/) noexcept {
  return &size_of_result<T>;
}
template <class T>
constexpr SizeOf size_function(std::false_type) noexcept {
  return nullptr;
}
template <class T>
constexpr SizeOf size_function() noexcept {
  return size_function<T>(has_result_size<T>{});
}

}  // namespace detail
}  // namespace phanos
