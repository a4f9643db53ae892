#pragma once
// Reads a function definition's tokens from the preprocessor, ahead of the
// parser, and pushes tokens back for the parser to read instead.

#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallVector.h"

namespace phanos {

using Tokens = llvm::SmallVector<clang::Token, 128>;

class TokenReader {
 public:
  explicit TokenReader(clang::Preprocessor &PP) : PP(PP) {}

  // False at the end of the main file.
  bool next(clang::Token &Tok);
  // Reads up to the bracket that closes the one just read; `Into` gets what
  // is between them, `Closing` the closing bracket.
  bool balanced(Tokens &Into, clang::Token &Closing);
  // A constructor's mem-initializers, up to the `{` that opens its body.
  bool memInitializers(Tokens &Into, clang::Token &BodyOpen);
  // `catch (...) {...}` clauses; `After` gets the first token past them.
  bool handlers(Tokens &Into, clang::Token &After);

  // Puts back everything read so far, unchanged.
  void restore();
  void pushBack(llvm::ArrayRef<clang::Token> Stream);

 private:
  clang::Preprocessor &PP;
  Tokens Consumed;
};

}  // namespace phanos
