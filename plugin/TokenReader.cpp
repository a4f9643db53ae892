#include "TokenReader.h"

namespace phanos {

using namespace clang;

bool TokenReader::next(Token &Tok) {
  PP.Lex(Tok);
  Consumed.push_back(Tok);
  return Tok.isNot(tok::eof);
}

bool TokenReader::balanced(tok::TokenKind Open, tok::TokenKind Close, Tokens &Into, Token &Closing) {
  unsigned Depth = 1;
  Token Tok;
  while (next(Tok)) {
    if (Tok.is(Open)) ++Depth;
    if (Tok.is(Close) && --Depth == 0) {
      Closing = Tok;
      return true;
    }
    Into.push_back(Tok);
  }
  return false;
}

bool TokenReader::memInitializers(Tokens &Into, Token &BodyOpen) {
  // The body's `{` is the first one at depth 0 that follows a complete
  // initializer: `)`, `}` or a pack expansion's `...`. Any other `{` opens a
  // braced initializer (`member{...}`).
  unsigned Depth = 0;
  Token Tok;
  tok::TokenKind Previous = tok::colon;
  while (next(Tok)) {
    if (Depth == 0 && Tok.is(tok::l_brace) && (Previous == tok::r_paren || Previous == tok::r_brace || Previous == tok::ellipsis)) {
      BodyOpen = Tok;
      return true;
    }
    if (Tok.isOneOf(tok::l_paren, tok::l_brace, tok::l_square)) ++Depth;
    if (Tok.isOneOf(tok::r_paren, tok::r_brace, tok::r_square) && Depth > 0) --Depth;
    Previous = Tok.getKind();
    Into.push_back(Tok);
  }
  return false;
}

bool TokenReader::handlers(Tokens &Into, Token &After) {
  Token Catch;
  // The token after the last handler may be the end of the main file.
  while (next(Catch) && Catch.is(tok::kw_catch)) {
    Token Paren, Brace, Closing;
    Into.push_back(Catch);
    if (!next(Paren) || Paren.isNot(tok::l_paren)) return false;
    Into.push_back(Paren);
    if (!balanced(tok::l_paren, tok::r_paren, Into, Closing)) return false;
    Into.push_back(Closing);
    if (!next(Brace) || Brace.isNot(tok::l_brace)) return false;
    Into.push_back(Brace);
    if (!balanced(tok::l_brace, tok::r_brace, Into, Closing)) return false;
    Into.push_back(Closing);
  }
  After = Catch;
  return true;
}

void TokenReader::restore() { pushBack(Consumed); }

void TokenReader::pushBack(ArrayRef<Token> Stream) {
  // Not marked as reinjected, so the parser-position watcher sees them too
  // (a local class inside this body may hold annotated functions).
  auto Copy = std::make_unique<Token[]>(Stream.size());
  std::copy(Stream.begin(), Stream.end(), Copy.get());
  PP.EnterTokenStream(std::move(Copy), Stream.size(), /*DisableMacroExpansion=*/true, /*IsReinject=*/false);
}

}  // namespace phanos
