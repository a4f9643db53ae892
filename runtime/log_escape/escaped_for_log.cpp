#include "escaped_for_log.hpp"

namespace phanos::detail {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_hex_byte(std::string& out, const char* prefix, unsigned char byte) {
  out += prefix;
  out += hex_digits[byte >> 4];
  out += hex_digits[byte & 0xf];
}

bool is_continuation(unsigned char byte) { return (byte & 0xc0) == 0x80; }

// The length of the well-formed UTF-8 character at `at`, 0 if the bytes there
// are not one (a stray continuation byte, a truncated or overlong sequence).
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  if (lead >= 0xc2 && lead <= 0xdf)
    length = 2;
  else if (lead >= 0xe0 && lead <= 0xef)
    length = 3;
  else if (lead >= 0xf0 && lead <= 0xf4)
    length = 4;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if (!is_continuation(byte(i))) return 0;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  if ((lead == 0xe0 && byte(1) < 0xa0) || (lead == 0xed && byte(1) > 0x9f) || (lead == 0xf0 && byte(1) < 0x90) ||
      (lead == 0xf4 && byte(1) > 0x8f))
    return 0;
  return length;
}

// A byte that is not part of a UTF-8 character counts as a character of its
// own (and is escaped).
std::size_t character_length(std::string_view text, std::size_t at) {
  const std::size_t length = utf8_length(text, at);
  return length == 0 ? 1 : length;
}

void append_escaped(std::string& out, std::string_view character) {
  const auto first = static_cast<unsigned char>(character[0]);
  if (character.size() == 1) {
    switch (first) {
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '"':
        out += "\\\"";
        return;
      default:
        break;
    }
    if (first < 0x20 || first >= 0x7f) return append_hex_byte(out, "\\x", first);  // control, or not UTF-8
  } else if (first == 0xc2 && static_cast<unsigned char>(character[1]) < 0xa0) {
    return append_hex_byte(out, "\\u00", static_cast<unsigned char>(character[1]));  // C1: CSI, NEL...
  }
  out.append(character);
}

}  // namespace

std::string escaped_for_log(std::string_view text) {
  std::string out;
  out.reserve(text.size() < max_quoted_bytes ? text.size() : max_quoted_bytes);
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = character_length(text, at);
    if (at + length > max_quoted_bytes) {
      out += "...";
      break;
    }
    append_escaped(out, text.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace phanos::detail
