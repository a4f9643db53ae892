#pragma once
// How deeply (), [] and {} nest at a point of a token stream, for the
// plugin's scanners that read ahead of the parser (TokenReader.h,
// CoroutineBody.h). The three kinds are counted together: in code that
// compiles a bracket of one kind never closes one of another, and in code
// that does not, the scanner only has to stop where the compiler will then
// report the error.

#include "clang/Lex/Token.h"

namespace phanos {

class BracketNesting {
 public:
  // `AlreadyOpen`: brackets opened before the first token fed.
  explicit BracketNesting(unsigned AlreadyOpen = 0) : Depth(AlreadyOpen) {}

  static bool opens(const clang::Token &Tok) {
    return Tok.isOneOf(clang::tok::l_paren, clang::tok::l_square, clang::tok::l_brace);
  }
  static bool closes(const clang::Token &Tok) {
    return Tok.isOneOf(clang::tok::r_paren, clang::tok::r_square, clang::tok::r_brace);
  }

  // Feed every token, in order. True if `Tok` closes the outermost bracket
  // open (a closing bracket with none open is ignored).
  bool closesOutermost(const clang::Token &Tok) {
    if (opens(Tok)) ++Depth;
    if (!closes(Tok) || Depth == 0) return false;
    return --Depth == 0;
  }
  // Outside every bracket (before feeding the next token).
  bool atTopLevel() const { return Depth == 0; }

 private:
  unsigned Depth;
};

}  // namespace phanos
