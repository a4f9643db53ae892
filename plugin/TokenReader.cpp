#include "TokenReader.h"

#include "BracketNesting.h"

namespace phanos {

using namespace clang;

bool TokenReader::next(Token &Tok) {
  PP.Lex(Tok);
  Consumed.push_back(Tok);
  return Tok.isNot(tok::eof);
}

bool TokenReader::balanced(Tokens &Into, Token &Closing) {
  BracketNesting Nesting(/*AlreadyOpen=*/1);
  Token Tok;
  while (next(Tok)) {
    if (Nesting.closesOutermost(Tok)) {
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
  BracketNesting Nesting;
  Token Tok;
  tok::TokenKind Previous = tok::colon;
  while (next(Tok)) {
    if (Nesting.atTopLevel() && Tok.is(tok::l_brace) &&
        (Previous == tok::r_paren || Previous == tok::r_brace || Previous == tok::ellipsis)) {
      BodyOpen = Tok;
      return true;
    }
    Nesting.closesOutermost(Tok);
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
    if (!balanced(Into, Closing)) return false;
    Into.push_back(Closing);
    if (!next(Brace) || Brace.isNot(tok::l_brace)) return false;
    Into.push_back(Brace);
    if (!balanced(Into, Closing)) return false;
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
