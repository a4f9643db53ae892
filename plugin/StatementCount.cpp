#include "StatementCount.h"

namespace phanos {

using namespace clang;

unsigned countStatements(llvm::ArrayRef<Token> Body) {
  unsigned Statements = 0;
  unsigned ParenDepth = 0;
  for (const Token &Tok : Body) {
    if (Tok.is(tok::l_paren)) ++ParenDepth;
    if (Tok.is(tok::r_paren) && ParenDepth > 0) --ParenDepth;
    if ((Tok.is(tok::semi) && ParenDepth == 0) ||
        Tok.isOneOf(tok::kw_if, tok::kw_for, tok::kw_while, tok::kw_switch, tok::kw_do, tok::kw_try))
      ++Statements;
  }
  return Statements;
}

}  // namespace phanos
