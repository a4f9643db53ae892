#pragma once
// Included by the code the plugin generates, so it stays C++11.

namespace phanos {
namespace detail {

// What the plugin knows about one instrumented function. The plugin emits one
// `static constexpr Site` per function, so the hot path only passes a pointer.
// A Site must have static storage: its address identifies the function in
// the runtime's call paths for the rest of the process.
struct Site {
  const char* name;            // unqualified: "first_access", "Foo", "~Foo", "operator()"
  const char* item;            // class, innermost named namespace, or file stem
  const char* qualified_name;  // "ns::Foo::first_access"
  const char* file;            // as __FILE__ would spell it
  unsigned line;
};

}  // namespace detail
}  // namespace phanos
