#include "ParserPosition.h"

namespace phanos {

namespace {
clang::Token LastToken;
}  // namespace

void ParserPosition::watch(clang::Preprocessor &PP) {
  LastToken.startToken();
  PP.setTokenWatcher([](const clang::Token &Tok) { LastToken = Tok; });
}

const clang::Token &ParserPosition::current() { return LastToken; }

bool ParserPosition::isReliable(const clang::Preprocessor &PP) {
  // While the parser backtracks, tokens come from a cache the watcher does
  // not see, and tokens pushed back into the stream would be lost on rewind.
  return !PP.isBacktrackEnabled();
}

}  // namespace phanos
