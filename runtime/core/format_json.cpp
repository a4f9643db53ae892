#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <variant>

#include "phanos/format.hpp"
#include "python_format.hpp"

namespace phanos {
namespace {

// The two-character escapes of json.dumps; null for every other character.
const char* short_escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return nullptr;
  }
}

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

// Whether any of 8 bytes is a quote, a backslash or a control character,
// all 8 tested at once (the classic has-zero-byte and has-less-than tricks).
bool any_needs_escape(std::uint64_t bytes) {
  constexpr std::uint64_t ones = 0x0101010101010101;
  constexpr std::uint64_t highs = 0x8080808080808080;
  auto has_zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
  return (has_zero_byte(bytes ^ (ones * '"')) | has_zero_byte(bytes ^ (ones * '\\')) |
          ((bytes - ones * 0x20) & ~bytes & highs)) != 0;
}

bool nothing_to_escape(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t bytes;
    std::memcpy(&bytes, text.data() + i, sizeof bytes);
    if (any_needs_escape(bytes)) return false;
  }
  return std::none_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), needs_escape);
}

// Room a string takes at most: every byte escaped as \u00XX, and quotes.
std::size_t max_string_size(std::string_view text) { return 6 * text.size() + 2; }

std::size_t max_object_size(const Labels& pairs) {
  std::size_t size = 2;
  for (const auto& [key, value] : pairs) size += max_string_size(key) + max_string_size(value) + 2;
  return size;
}

std::size_t max_record_size(const Record& record) {
  constexpr std::size_t keys_and_punctuation = 80;
  std::size_t size = keys_and_punctuation;
  for (const std::string* text :
       {&record.item, &record.metric, &record.units, &record.job, &record.method, &record.operation}) {
    size += max_string_size(*text);
  }
  size += max_object_size(record.labels);
  size += std::visit(
      [](const auto& v) -> std::size_t {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, double>) {
          return detail::max_python_float_repr_size;
        } else if constexpr (std::is_same_v<V, std::string>) {
          return max_string_size(v);
        } else {
          return max_object_size(v);
        }
      },
      record.value);
  return size;
}

// Writes JSON into memory known to be large enough (max_record_size), so no
// step checks for room.
class JsonWriter {
 public:
  explicit JsonWriter(char* out) : out_(out) {}
  char* end() const { return out_; }

  void raw(std::string_view text) {
    std::memcpy(out_, text.data(), text.size());
    out_ += text.size();
  }
  void raw(char c) { *out_++ = c; }

  // As json.dumps(ensure_ascii=False): only quotes, backslashes and control
  // characters are escaped; UTF-8 is kept as is.
  void string(std::string_view text) {
    raw('"');
    if (nothing_to_escape(text)) {  // names and contexts: one copy
      raw(text);
    } else {
      for (const char c : text) escaped(c);
    }
    raw('"');
  }

  void number(double value) {
    if (std::isfinite(value)) {
      out_ = detail::write_orjson_float(out_, value);
    } else {
      raw("null");
    }
  }

  void object(const Labels& pairs, bool error_raised_as_bool) {
    raw('{');
    bool first = true;
    for (const auto& [key, value] : pairs) {
      if (!first) raw(',');
      first = false;
      string(key);
      raw(':');
      const bool is_bool =
          error_raised_as_bool && key == error_raised_label_name && (value == "true" || value == "false");
      if (is_bool) {
        raw(value);
      } else {
        string(value);
      }
    }
    raw('}');
  }

  void value(const RecordValue& value) {
    std::visit(
        [this](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, double>) {
            number(v);
          } else if constexpr (std::is_same_v<V, std::string>) {
            string(v);
          } else {
            object(v, false);
          }
        },
        value);
  }

  void record(const Record& record) {
    raw("{\"item\":");
    string(record.item);
    raw(",\"metric\":");
    string(record.metric);
    raw(",\"units\":");
    string(record.units);
    raw(",\"job\":");
    string(record.job);
    raw(",\"method\":");
    string(record.method);
    raw(",\"labels\":");
    object(record.labels, true);
    raw(",\"value\":[");
    string(record.operation);
    raw(',');
    value(record.value);
    raw("]}");
  }

 private:
  void escaped(char c) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    if (const char* escape = short_escape(c)) {
      raw(escape);
    } else if (byte < 0x20) {
      raw("\\u00");
      raw(hex[byte >> 4]);
      raw(hex[byte & 0xf]);
    } else {
      raw(c);
    }
  }

  char* out_;
};

void append_record(std::string& out, const Record& record) {
  const std::size_t start = out.size();
  // Grown to the bound (within the capacity reserved), written, then cut to
  // what was written.
  out.resize(start + max_record_size(record));
  JsonWriter writer(out.data() + start);
  writer.record(record);
  out.resize(static_cast<std::size_t>(writer.end() - out.data()));
}

}  // namespace

std::string to_json(const std::vector<Record>& records) {
  // Written where each record has room for its largest form, then copied
  // out at its real size: a queued message holds no slack.
  std::size_t bound = 2;
  for (const Record& record : records) bound += max_record_size(record) + 1;
  std::string text;
  text.reserve(bound);
  text += '[';
  for (const Record& record : records) {
    if (text.size() > 1) text += ',';
    append_record(text, record);
  }
  text += ']';
  return std::string(text);
}

}  // namespace phanos
