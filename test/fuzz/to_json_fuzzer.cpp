// libFuzzer target: to_json round trip. Records built from the input
// (arbitrary bytes in every string, any double bit pattern, labels, info
// values) are serialized with to_json and parsed back with nlohmann-json;
// every field must come back, in Python's key order and number spelling.
//
// What the runtime does, and this asserts:
// - finite numbers print as Python's repr: a '.' or an exponent always
//   (1.0, never 1), the shortest digits that read back to the same double;
// - NaN and infinities print as null (what orjson writes);
// - label "error_raised" with value "true"/"false" prints as a JSON boolean;
// - strings: only '"', '\\' and control characters are escaped, every other
//   byte passes through unchanged, so invalid UTF-8 stays invalid (Python
//   strings cannot hold it; nothing is replaced). Checked by mapping every
//   byte >= 0x80 to 'A': serializing commutes with that mapping, and the
//   mapped output parses back field for field.

#include <fuzzer/FuzzedDataProvider.h>

#include <nlohmann/json.hpp>
#include <phanos/phanos.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;  // keeps the key order of the text

void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "to_json_fuzzer: %s\n", what);
  std::abort();
}

std::string any_string(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(40); }

double any_double(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0: {  // any bit pattern: NaNs, infinities, subnormals, -0.0
      const auto bits = in.ConsumeIntegral<std::uint64_t>();
      double value;
      std::memcpy(&value, &bits, sizeof value);
      return value;
    }
    case 1:  // integral values, where Python's ".0" matters
      return static_cast<double>(in.ConsumeIntegral<std::int64_t>());
    case 2:  // elapsed times: rounded to 2 decimals
      return std::round(in.ConsumeFloatingPointInRange(0.0, 1e7) * 100) / 100;
    default:
      return in.ConsumeFloatingPoint<double>();
  }
}

void map_high_bytes(std::string& s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) >= 0x80) c = 'A';
}

std::string high_bytes_mapped(std::string s) {
  map_high_bytes(s);
  return s;
}

// Distinct keys, as metrics guarantee (labels are validated against the
// metric's label names, Info keys must be distinct), also once bytes >= 0x80
// are mapped to 'A' (see the end of this file).
phanos::Labels any_pairs(FuzzedDataProvider& in, bool may_hold_error_raised) {
  phanos::Labels pairs;
  const int count = in.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < count; ++i) {
    std::string key = may_hold_error_raised && in.ConsumeBool() ? "error_raised" : any_string(in);
    std::string value = in.ConsumeBool() ? (in.ConsumeBool() ? "true" : "false") : any_string(in);
    bool taken = false;
    for (const auto& pair : pairs) taken = taken || high_bytes_mapped(pair.first) == high_bytes_mapped(key);
    if (!taken) pairs.emplace_back(std::move(key), std::move(value));
  }
  return pairs;
}

phanos::Record any_record(FuzzedDataProvider& in) {
  phanos::Record r;
  r.item = any_string(in);
  r.metric = any_string(in);
  r.units = any_string(in);
  r.job = any_string(in);
  r.method = any_string(in);
  r.labels = any_pairs(in, true);
  r.operation = any_string(in);
  switch (in.ConsumeIntegralInRange(0, 2)) {
    case 0:
      r.value = any_double(in);
      break;
    case 1:
      r.value = any_string(in);
      break;
    default:
      r.value = any_pairs(in, false);
  }
  return r;
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07;
    } else
      return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

template <class F>
void for_each_string(phanos::Record& r, F f) {
  for (std::string* s : {&r.item, &r.metric, &r.units, &r.job, &r.method, &r.operation}) f(*s);
  for (auto& [k, v] : r.labels) f(k), f(v);
  if (auto* s = std::get_if<std::string>(&r.value)) f(*s);
  if (auto* pairs = std::get_if<phanos::Labels>(&r.value))
    for (auto& [k, v] : *pairs) f(k), f(v);
}

// Collects the text of every number, in order; integers are an error
// (Python floats never print as integers).
struct NumberTokens : nlohmann::json_sax<Json> {
  std::vector<std::string> floats;
  bool integer_seen = false;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return integer_seen = true; }
  bool number_unsigned(number_unsigned_t) override { return integer_seen = true; }
  bool number_float(number_float_t, const string_t& s) override {
    floats.push_back(s);
    return true;
  }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

// The significant digits of a number's text: no sign, point, exponent or
// leading/trailing zeros.
std::string significant_digits(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c >= '0' && c <= '9') digits += c;
  }
  const auto first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  digits.erase(0, first);
  digits.erase(digits.find_last_not_of('0') + 1);
  return digits;
}

void check_number(const std::string& text, double expected) {
  check(text.find_first_of(".e") != std::string::npos, "a float printed without '.' or exponent");
  double parsed = 0;
  std::from_chars(text.data(), text.data() + text.size(), parsed);
  check(std::memcmp(&parsed, &expected, sizeof parsed) == 0, "a number does not read back to the same double");
  std::array<char, 64> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), expected, std::chars_format::scientific);
  check(significant_digits(text) == significant_digits(std::string(buffer.data(), end.ptr)),
        "a number not printed with the shortest round-trip digits");
}

void check_pairs(const Json& object, const phanos::Labels& pairs, bool error_raised_as_bool) {
  check(object.is_object() && object.size() == pairs.size(), "labels/info: not an object of the same size");
  auto it = object.begin();
  for (const auto& [key, value] : pairs) {
    check(it.key() == key, "labels/info: key lost or reordered");
    if (error_raised_as_bool && key == "error_raised" && (value == "true" || value == "false")) {
      check(it.value().is_boolean() && it.value().get<bool>() == (value == "true"), "error_raised not a boolean");
    } else {
      check(it.value().is_string() && it.value().get<std::string>() == value, "label/info value lost");
    }
    ++it;
  }
}

// Parses `wire` and compares it with `records` field for field.
void check_round_trip(const std::vector<phanos::Record>& records, const std::string& wire) {
  NumberTokens numbers;
  check(Json::sax_parse(wire, &numbers), "to_json wrote invalid JSON");
  check(!numbers.integer_seen, "an integer in the output");
  const Json parsed = Json::parse(wire);
  check(parsed.is_array() && parsed.size() == records.size(), "not an array of every record");

  static const char* const keys[] = {"item", "metric", "units", "job", "method", "labels", "value"};
  std::size_t next_number = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const phanos::Record& r = records[i];
    const Json& j = parsed[i];
    check(j.is_object() && j.size() == 7, "a record is not an object of 7 keys");
    std::size_t k = 0;
    for (auto it = j.begin(); it != j.end(); ++it, ++k) check(it.key() == keys[k], "keys not in Python's order");
    check(j["item"] == r.item && j["metric"] == r.metric && j["units"] == r.units && j["job"] == r.job &&
              j["method"] == r.method,
          "a string field lost");
    check_pairs(j["labels"], r.labels, true);
    const Json& value = j["value"];
    check(value.is_array() && value.size() == 2 && value[0] == r.operation, "value is not [operation, value]");
    if (const double* number = std::get_if<double>(&r.value)) {
      if (std::isfinite(*number)) {
        check(value[1].is_number_float(), "a finite number is not a float");
        check(next_number < numbers.floats.size(), "number count");
        check_number(numbers.floats[next_number++], *number);
      } else {
        check(value[1].is_null(), "NaN/infinity is not null");
      }
    } else if (const std::string* text = std::get_if<std::string>(&r.value)) {
      check(value[1] == *text, "a string value lost");
    } else {
      check_pairs(value[1], std::get<phanos::Labels>(r.value), false);
    }
  }
  check(next_number == numbers.floats.size(), "more numbers than records hold");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  std::vector<phanos::Record> records;
  const int count = in.ConsumeIntegralInRange(0, 5);
  for (int i = 0; i < count; ++i) records.push_back(any_record(in));

  const std::string wire = phanos::to_json(records);
  for (const phanos::Record& r : records) {
    check(phanos::to_text(r, r.metric).rfind("profiler: ", 0) == 0, "to_text: not a profiler line");
  }

  bool all_valid = true;
  for (phanos::Record& r : records) for_each_string(r, [&](std::string& s) { all_valid = all_valid && valid_utf8(s); });
  if (all_valid) check_round_trip(records, wire);

  // Bytes >= 0x80 pass through untouched: serializing commutes with mapping
  // them to 'A', and the mapped records (valid ASCII) round-trip.
  std::vector<phanos::Record> mapped = records;
  for (phanos::Record& r : mapped) for_each_string(r, map_high_bytes);
  std::string mapped_wire = wire;
  map_high_bytes(mapped_wire);
  check(phanos::to_json(mapped) == mapped_wire, "a byte >= 0x80 was not copied verbatim");
  check_round_trip(mapped, mapped_wire);
  return 0;
}
