#pragma once
// Numbers and strings spelled the way Python spells them: the wire format and
// the text lines must match what Python phanos emits byte for byte.

#include <cstddef>
#include <string>
#include <string_view>

namespace phanos::detail {

// repr(float): shortest round-trip digits, "1.0" for integral values,
// exponent form ("1e+16", "1e-05") outside [1e-4, 1e16).
std::string python_float_repr(double value);
// The same, appended to `out`; quick for values with at most two decimals.
void append_python_float_repr(std::string& out, double value);
// The same, written at `out`, which has room for max_python_float_repr_size
// characters; returns the end of what it wrote.
inline constexpr std::size_t max_python_float_repr_size = 32;  // "-1.7976931348623157e+308" is 24
char* write_python_float_repr(char* out, double value);
// orjson.dumps(float), which Python phanos sends: the same digits, fixed
// from 1e-5 up to 1e16, "1e16", "1e-6", "1.5e-7" outside; finite values only
// (orjson writes null for the others). Written as write_python_float_repr.
char* write_orjson_float(char* out, double value);

// round(value, ndigits): rounds the exact binary value, ties to even.
double python_round(double value, int ndigits);

// repr(str): single quotes unless the text holds ' and no ".
std::string python_str_repr(std::string_view text);

}  // namespace phanos::detail
