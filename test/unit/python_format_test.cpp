// Expected strings are what Python 3 prints for the same values, and what
// orjson writes for them in JSON.

#include "python_format.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>

namespace phanos::detail {
namespace {

TEST(PythonFloatRepr, IntegralValuesGetPointZero) {
  EXPECT_EQ(python_float_repr(1.0), "1.0");
  EXPECT_EQ(python_float_repr(1024.0), "1024.0");
  EXPECT_EQ(python_float_repr(123456.0), "123456.0");
  EXPECT_EQ(python_float_repr(0.0), "0.0");
  EXPECT_EQ(python_float_repr(-0.0), "-0.0");
}

TEST(PythonFloatRepr, FractionsUseShortestRoundTripDigits) {
  EXPECT_EQ(python_float_repr(5.5), "5.5");
  EXPECT_EQ(python_float_repr(0.25), "0.25");
  EXPECT_EQ(python_float_repr(12.34), "12.34");
  EXPECT_EQ(python_float_repr(0.1), "0.1");
  EXPECT_EQ(python_float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(python_float_repr(-2.5), "-2.5");
  EXPECT_EQ(python_float_repr(123456789.123), "123456789.123");
}

TEST(PythonFloatRepr, SwitchesToExponentAtOneE16) {
  EXPECT_EQ(python_float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(python_float_repr(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(python_float_repr(1e16), "1e+16");
  EXPECT_EQ(python_float_repr(1e22), "1e+22");
  EXPECT_EQ(python_float_repr(12345678901234567890.0), "1.2345678901234567e+19");
  EXPECT_EQ(python_float_repr(1e100), "1e+100");
  EXPECT_EQ(python_float_repr(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
}

TEST(PythonFloatRepr, SwitchesToExponentBelowOneEMinus4) {
  EXPECT_EQ(python_float_repr(0.0001), "0.0001");
  EXPECT_EQ(python_float_repr(0.00001), "1e-05");
  EXPECT_EQ(python_float_repr(1.5e-7), "1.5e-07");
  EXPECT_EQ(python_float_repr(-1e-300), "-1e-300");
  EXPECT_EQ(python_float_repr(5e-324), "5e-324");
}

std::string orjson_float(double value) {
  char text[max_python_float_repr_size];
  return std::string(text, write_orjson_float(text, value));
}

// orjson differs from repr() in two ways only: the exponent has no '+' and
// no leading zero, and values from 1e-5 up to 1e-4 stay in fixed notation.
std::string repr_respelled_as_orjson(double value) {
  std::string repr = python_float_repr(value);
  const std::size_t e = repr.find('e');
  if (e == std::string::npos) return repr;
  if (std::fabs(value) >= 1e-5 && std::fabs(value) < 1e-4) {
    std::string digits = repr.substr(0, e);
    const bool negative = digits.front() == '-';
    if (negative) digits.erase(0, 1);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    return (negative ? "-0.0000" : "0.0000") + digits;
  }
  std::string exponent = repr.substr(e + 1);
  const bool negative = exponent.front() == '-';
  exponent.erase(0, 1);
  if (exponent.size() > 1 && exponent.front() == '0') exponent.erase(0, 1);
  return repr.substr(0, e + 1) + (negative ? "-" : "") + exponent;
}

TEST(OrjsonFloat, KnownSpellings) {
  EXPECT_EQ(orjson_float(0.0), "0.0");
  EXPECT_EQ(orjson_float(12.34), "12.34");
  EXPECT_EQ(orjson_float(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(orjson_float(1e16), "1e16");
  EXPECT_EQ(orjson_float(12345678901234567890.0), "1.2345678901234567e19");
  EXPECT_EQ(orjson_float(0.0001), "0.0001");
  EXPECT_EQ(orjson_float(0.00001), "0.00001");
  EXPECT_EQ(orjson_float(0.000001), "1e-6");
  EXPECT_EQ(orjson_float(-1e-300), "-1e-300");
}

TEST(OrjsonFloat, RoundTripsAndDiffersFromReprOnlyWhereOrjsonDoes) {
  std::mt19937_64 random(20261130);
  std::uniform_real_distribution<double> mantissa(1.0, 10.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  for (int i = 0; i < 100000; ++i) {
    const double value = (i % 2 ? -1 : 1) * mantissa(random) * std::pow(10.0, exponent(random));
    const std::string text = orjson_float(value);
    double parsed = 0;
    std::from_chars(text.data(), text.data() + text.size(), parsed);
    ASSERT_EQ(parsed, value) << text;
    ASSERT_EQ(text, repr_respelled_as_orjson(value)) << std::hexfloat << value;
  }
}

TEST(PythonFloatRepr, NonFiniteValues) {
  EXPECT_EQ(python_float_repr(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(python_float_repr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(python_float_repr(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(PythonFloatRepr, AppendedFormAgreesOnRoundedTimesAndEverythingElse) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::int64_t> hundredths(-2'000'000'000'000, 2'000'000'000'000);
  std::uniform_real_distribution<double> any(-1e6, 1e6);
  for (int i = 0; i < 100000; ++i) {
    const double rounded = static_cast<double>(hundredths(random)) / 100;
    for (double value : {rounded, rounded / 1000, any(random), std::nextafter(rounded, 1e300)}) {
      std::string appended = "x";
      append_python_float_repr(appended, value);
      ASSERT_EQ(appended, "x" + python_float_repr(value)) << std::hexfloat << value;
    }
  }
  for (double value : {0.0, -0.0, 0.01, -0.01, 0.1, 1e13, 1e-5, 1e16}) {
    std::string appended;
    append_python_float_repr(appended, value);
    EXPECT_EQ(appended, python_float_repr(value));
  }
}

TEST(PythonRound, RoundsTheExactBinaryValueTiesToEven) {
  EXPECT_EQ(python_round(2.675, 2), 2.67);  // 2.675 is stored slightly below
  EXPECT_EQ(python_round(0.125, 2), 0.12);  // an exact tie goes to even
  EXPECT_EQ(python_round(0.375, 2), 0.38);
  EXPECT_EQ(python_round(1.005, 2), 1.0);
  EXPECT_EQ(python_round(12.345, 2), 12.35);
  EXPECT_EQ(python_round(0.015, 2), 0.01);
  EXPECT_EQ(python_round(1234.5678, 2), 1234.57);
  EXPECT_EQ(python_round(1e-9, 2), 0.0);
}

// The exact decimal rounding that Python's round() performs, done the slow
// way: the oracle for python_round's shortcut.
double rounded_through_decimal_text(double value, int ndigits) {
  char text[400];
  const auto printed = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, ndigits);
  double rounded = 0;
  std::from_chars(text, printed.ptr, rounded);
  return rounded;
}

TEST(PythonRound, AgreesWithExactDecimalRoundingOnTimesAndTies) {
  std::mt19937_64 random(20261125);
  std::uniform_real_distribution<double> milliseconds(0.0, 100000.0);
  for (int i = 0; i < 200000; ++i) {
    // Random times, and values at or right next to a tie of the last digit.
    const double time = milliseconds(random);
    const double tie = std::floor(time * 100) / 100 + 0.005;
    for (double value : {time, tie, std::nextafter(tie, 0.0), std::nextafter(tie, 1e9), -time}) {
      ASSERT_EQ(python_round(value, 2), rounded_through_decimal_text(value, 2)) << std::hexfloat << value;
    }
  }
}

TEST(PythonRound, KeepsTheSignOfANegativeZero) {
  EXPECT_TRUE(std::signbit(python_round(-0.001, 2)));
  EXPECT_FALSE(std::signbit(python_round(0.001, 2)));
}

TEST(PythonRound, LeavesNonFiniteValuesAlone) {
  EXPECT_TRUE(std::isinf(python_round(std::numeric_limits<double>::infinity(), 2)));
  EXPECT_TRUE(std::isnan(python_round(std::numeric_limits<double>::quiet_NaN(), 2)));
}

TEST(PythonStrRepr, QuotesAndEscapesLikePython) {
  EXPECT_EQ(python_str_repr("abc"), "'abc'");
  EXPECT_EQ(python_str_repr("it's"), "\"it's\"");
  EXPECT_EQ(python_str_repr("a'b\"c"), "'a\\'b\"c'");
  EXPECT_EQ(python_str_repr("a\\b"), "'a\\\\b'");
  EXPECT_EQ(python_str_repr("\n"), "'\\n'");
  EXPECT_EQ(python_str_repr("\x01\x7f"), "'\\x01\\x7f'");
  EXPECT_EQ(python_str_repr("\xc3\xa9\t"), "'\xc3\xa9\\t'");
}

}  // namespace
}  // namespace phanos::detail
