#pragma once
// Which token the parser is looking at. Clang gives a plugin no handle on the
// Parser, but the parser's current token is always the last one the
// preprocessor handed out, so a token watcher can remember it. The same
// watcher sees the end of the main file, the last moment before Sema's own
// end-of-file checks.

#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Token.h"

#include <functional>

namespace phanos {

class ParserPosition {
 public:
  // `AtEndOfMainFile` runs once, when the parser reaches the main file's end.
  static void watch(clang::Preprocessor &PP, std::function<void()> AtEndOfMainFile = nullptr);
  // The parser's current token; valid while the preprocessor is not replaying
  // cached tokens (see isReliable).
  static const clang::Token &current();
  static bool isReliable(const clang::Preprocessor &PP);
};

}  // namespace phanos
