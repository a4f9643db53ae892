#pragma once
// Text that comes from outside (a PHANOS_CONFIG key, a record sent to the
// collector, an exception's message, a broker's error text), made safe for a
// log line that quotes it: whoever writes the text must not be able to end
// the line and forge one of their own (a key "x\nphanos: error: ..."), move
// the terminal's cursor, or drown the line.
//
// Control characters (C0, DEL and the C1 range), backslashes and double
// quotes are escaped as C writes them (\n, \t, \", \\, \x1b, \u009b), bytes
// that are not UTF-8 as \xHH; printable UTF-8 stays as it is. Text longer
// than max_quoted_bytes is cut there (never inside a character) and ends
// with "...". Ordinary names come out unchanged.
//
// The runtime's and the collector's log lines both quote through it
// (runtime/CMakeLists.txt, tools/collector/CMakeLists.txt).

#include <cstddef>
#include <string>
#include <string_view>

namespace phanos::detail {

inline constexpr std::size_t max_quoted_bytes = 200;

std::string escaped_for_log(std::string_view text);

}  // namespace phanos::detail
