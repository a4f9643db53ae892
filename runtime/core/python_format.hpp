#pragma once
// Numbers and strings spelled the way Python spells them: the wire format and
// the text lines must match what Python phanos emits byte for byte.

#include <cmath>
#include <cstddef>
#include <cstdint>
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

// python_round() of a value it cannot round quickly: near a half, large,
// not finite, or with ndigits outside 0..8. Prints the exact value rounded.
double python_round_off_the_quick_path(double value, int ndigits);

// round(value, ndigits): rounds the exact binary value, ties to even. Inline:
// every call's time goes through it when records are handed over.
inline double python_round(double value, int ndigits) {
  static constexpr double powers_of_ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  if (ndigits < 0 || ndigits > 8) return python_round_off_the_quick_path(value, ndigits);
  const double scale = powers_of_ten[ndigits];
  const double scaled = value * scale;
  // Python rounds the exact decimal value of the double; when value * 10^n
  // is far enough from a half, the scaled double's floor decides the same
  // way, and k / 10^n is then the double nearest k·10^-n, as Python's result
  // is. Below 2^40 the scaled double is off the exact product by under
  // 2^-13; the test is false for infinities and NaN too.
  if (!(std::fabs(scaled) < 0x1p40)) return python_round_off_the_quick_path(value, ndigits);
  // floor() without a call into libm: the value fits an integer here.
  const double truncated = static_cast<double>(static_cast<std::int64_t>(scaled));
  const double floor = truncated > scaled ? truncated - 1 : truncated;
  const double fraction = scaled - floor;
  if (std::fabs(fraction - 0.5) < 0x1p-10) return python_round_off_the_quick_path(value, ndigits);
  const double rounded = (floor + (fraction > 0.5 ? 1.0 : 0.0)) / scale;
  return rounded == 0.0 ? std::copysign(0.0, value) : rounded;
}

// repr(str): single quotes unless the text holds ' and no ".
std::string python_str_repr(std::string_view text);

}  // namespace phanos::detail
