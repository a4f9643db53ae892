// escaped_for_log(): what the runtime's and the collector's log lines quote
// of text from outside (runtime/log_escape/escaped_for_log.hpp).

#include "escaped_for_log.hpp"

#include <gtest/gtest.h>

#include <string>

namespace phanos::detail {
namespace {

TEST(EscapedForLog, OrdinaryTextIsUnchanged) {
  EXPECT_EQ(escaped_for_log("handlers.stdout.output"), "handlers.stdout.output");
  EXPECT_EQ(escaped_for_log("Service:handle it's fine"), "Service:handle it's fine");
  EXPECT_EQ(escaped_for_log("métrique ✓ 😀"), "métrique ✓ 😀");  // printable UTF-8 stays readable
  EXPECT_EQ(escaped_for_log(""), "");
}

TEST(EscapedForLog, ALineBreakCannotStartALineOfItsOwn) {
  EXPECT_EQ(escaped_for_log("histo\ngram\nphanos-collector error: FORGED"),
            "histo\\ngram\\nphanos-collector error: FORGED");
  EXPECT_EQ(escaped_for_log("a\r\nb\tc"), "a\\r\\nb\\tc");
}

TEST(EscapedForLog, QuotesAndBackslashesCannotEndTheQuote) {
  EXPECT_EQ(escaped_for_log(R"(say "hi" C:\dir)"), R"(say \"hi\" C:\\dir)");
}

TEST(EscapedForLog, ControlCharactersAreEscapedInHex) {
  EXPECT_EQ(escaped_for_log(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escaped_for_log("\x1b[2J\x7f"), "\\x1b[2J\\x7f");
  // C1 controls in UTF-8: CSI (U+009B) and NEL (U+0085), which terminals and
  // log viewers may obey; U+00A0 and above are printable.
  EXPECT_EQ(escaped_for_log("\xc2\x9b"
                            "2J\xc2\x85"
                            "\xc2\xa0"),
            "\\u009b2J\\u0085\xc2\xa0");
}

TEST(EscapedForLog, BytesThatAreNotUtf8AreEscapedInHex) {
  EXPECT_EQ(escaped_for_log("\xff"), "\\xff");
  EXPECT_EQ(escaped_for_log("a\x80z"), "a\\x80z");                // stray continuation byte
  EXPECT_EQ(escaped_for_log("\xe2\x82"), "\\xe2\\x82");           // truncated character
  EXPECT_EQ(escaped_for_log("\xc0\xaf"), "\\xc0\\xaf");           // overlong '/'
  EXPECT_EQ(escaped_for_log("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // UTF-16 surrogate
}

TEST(EscapedForLog, LongTextIsCutAndSaysSo) {
  const std::string limit(max_quoted_bytes, 'a');
  EXPECT_EQ(escaped_for_log(limit), limit);
  EXPECT_EQ(escaped_for_log(limit + "b"), limit + "...");
  EXPECT_EQ(escaped_for_log(std::string(100000, 'x')), std::string(max_quoted_bytes, 'x') + "...");
}

TEST(EscapedForLog, TheCutNeverSplitsACharacter) {
  const std::string before_cut(max_quoted_bytes - 1, 'a');
  EXPECT_EQ(escaped_for_log(before_cut + "é"), before_cut + "...");  // 2 bytes, 1 left
  EXPECT_EQ(escaped_for_log(before_cut + "e"), before_cut + "e");
}

}  // namespace
}  // namespace phanos::detail
