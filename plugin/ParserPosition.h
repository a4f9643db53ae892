#pragma once
// Which token the parser is looking at. Clang gives a plugin no handle on the
// Parser, but the parser's current token is always the last one the
// preprocessor handed out, so a token watcher can remember it.

#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Token.h"

namespace phanos {

class ParserPosition {
 public:
  static void watch(clang::Preprocessor &PP);
  // The parser's current token; valid while the preprocessor is not replaying
  // cached tokens (see isReliable).
  static const clang::Token &current();
  static bool isReliable(const clang::Preprocessor &PP);
};

}  // namespace phanos
