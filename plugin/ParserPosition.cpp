#include "ParserPosition.h"

namespace phanos {

namespace {
clang::Token LastToken;
std::function<void()> EndOfMainFile;
}  // namespace

void ParserPosition::watch(clang::Preprocessor &PP, std::function<void()> AtEndOfMainFile) {
  LastToken.startToken();
  EndOfMainFile = std::move(AtEndOfMainFile);
  // The watcher sees the parser's own tokens only (not those it replays
  // from its caches, which carry eof markers of their own): an eof here is
  // the main file's.
  PP.setTokenWatcher([](const clang::Token &Tok) {
    LastToken = Tok;
    if (Tok.is(clang::tok::eof) && EndOfMainFile) std::exchange(EndOfMainFile, nullptr)();
  });
}

const clang::Token &ParserPosition::current() { return LastToken; }

bool ParserPosition::isReliable(const clang::Preprocessor &PP) {
  // While the parser backtracks, tokens come from a cache the watcher does
  // not see, and tokens pushed back into the stream would be lost on rewind.
  return !PP.isBacktrackEnabled();
}

}  // namespace phanos
