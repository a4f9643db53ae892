#include "python_format.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace phanos::detail {
namespace {

// Where the decimal point may sit, counted from the first significant digit,
// for fixed notation, and how the exponent is spelled otherwise.
struct FloatNotation {
  int min_fixed_point;
  int max_fixed_point;
  bool signed_two_digit_exponent;
};
// repr(): fixed from 1e-4 up to 1e16; "1e+16", "1e-05".
constexpr FloatNotation python_repr_notation{-3, 16, true};
// orjson (the ryu crate's layout): fixed from 1e-5 up to 1e16; "1e16", "1e-5".
constexpr FloatNotation orjson_notation{-4, 16, false};

struct ShortestDigits {
  bool negative;
  std::string digits;  // significant digits, no leading or trailing zeros
  int exponent;        // value = d.ddd * 10^exponent
};

ShortestDigits shortest_digits(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific);
  std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));

  ShortestDigits parsed{};
  if (text.front() == '-') {
    parsed.negative = true;
    text.remove_prefix(1);
  }
  const std::size_t e = text.find('e');
  parsed.digits.push_back(text[0]);
  if (e > 1) parsed.digits.append(text.substr(2, e - 2));
  std::string_view exponent = text.substr(e + 1);
  if (exponent.front() == '+') exponent.remove_prefix(1);  // from_chars takes no '+'
  std::from_chars(exponent.data(), exponent.data() + exponent.size(), parsed.exponent);
  return parsed;
}

}  // namespace

namespace {

// Hundredths of the value when it is a whole number of them (as rounded
// times are) and small enough that repr() and orjson print it in fixed
// notation with at most two decimals: no other decimal that short names the
// same double.
std::optional<std::int64_t> whole_hundredths(double value) {
  if (!(std::fabs(value) < 1e13)) return std::nullopt;
  const double scaled = value * 100;
  const auto hundredths = static_cast<std::int64_t>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  if (static_cast<double>(hundredths) / 100 != value || (hundredths == 0 && std::signbit(value))) {
    return std::nullopt;
  }
  return hundredths;
}

char* write_hundredths(char* out, std::int64_t hundredths) {
  if (hundredths < 0) {
    *out++ = '-';
    hundredths = -hundredths;
  }
  out = std::to_chars(out, out + 20, hundredths / 100).ptr;
  const auto fraction = static_cast<int>(hundredths % 100);
  *out++ = '.';
  *out++ = static_cast<char>('0' + fraction / 10);
  if (fraction % 10 != 0) *out++ = static_cast<char>('0' + fraction % 10);
  return out;
}

// The shortest digits that name `value`, laid out in `notation`.
std::string spell_finite_float(double value, const FloatNotation& notation) {
  const ShortestDigits parsed = shortest_digits(value);
  const std::string& digits = parsed.digits;
  const int count = static_cast<int>(digits.size());
  const int point = parsed.exponent + 1;  // digits before the decimal point

  std::string out = parsed.negative ? "-" : "";
  if (point > notation.max_fixed_point || point < notation.min_fixed_point) {
    out += digits[0];
    if (count > 1) {
      out += '.';
      out.append(digits, 1);
    }
    const int exponent = parsed.exponent;
    out += 'e';
    if (exponent < 0) out += '-';
    if (exponent >= 0 && notation.signed_two_digit_exponent) out += '+';
    const std::string magnitude = std::to_string(std::abs(exponent));
    if (magnitude.size() < 2 && notation.signed_two_digit_exponent) out += '0';
    out += magnitude;
  } else if (point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out += digits;
  } else if (point >= count) {
    out += digits;
    out.append(static_cast<std::size_t>(point - count), '0');
    out += ".0";
  } else {
    out.append(digits, 0, static_cast<std::size_t>(point));
    out += '.';
    out.append(digits, static_cast<std::size_t>(point));
  }
  return out;
}

char* write_finite_float(char* out, double value, const FloatNotation& notation) {
  if (const std::optional<std::int64_t> hundredths = whole_hundredths(value)) return write_hundredths(out, *hundredths);
  const std::string text = spell_finite_float(value, notation);
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

}  // namespace

char* write_python_float_repr(char* out, double value) {
  if (!std::isfinite(value)) {
    const std::string text = python_float_repr(value);
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
  }
  return write_finite_float(out, value, python_repr_notation);
}

char* write_orjson_float(char* out, double value) { return write_finite_float(out, value, orjson_notation); }

void append_python_float_repr(std::string& out, double value) {
  char text[max_python_float_repr_size];
  out.append(text, write_python_float_repr(text, value));
}

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  return spell_finite_float(value, python_repr_notation);
}

double python_round_off_the_quick_path(double value, int ndigits) {
  if (!std::isfinite(value)) return value;
  // Fixed notation of a double needs at most 309 integral digits.
  std::array<char, 400> buffer{};
  const auto printed =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, ndigits);
  if (printed.ec != std::errc{}) return value;
  double rounded = value;
  std::from_chars(buffer.data(), printed.ptr, rounded);
  return rounded;
}

std::string python_str_repr(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';

  static constexpr char hex[] = "0123456789abcdef";
  std::string out(1, quote);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += hex[byte >> 4];
      out += hex[byte & 0xf];
    } else {
      out += c;  // UTF-8 passes through, as Python keeps printable characters
    }
  }
  out += quote;
  return out;
}

}  // namespace phanos::detail
