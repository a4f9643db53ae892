#pragma once
// How many statements a body has, counted on its tokens (files mode reads a
// body before the parser does): every `;` that ends a statement (not those
// of a `for (;;)` header) and every `if`, `for`, `while`, `switch`, `do` and
// `try`, whose statement may end with a `}` instead. `{ return x_; }` has 1,
// `{}` has 0, `{ if (a) return b; return c; }` has 3. Statements of lambdas
// and local classes in the body count too: they are code the call runs or
// carries.

#include "clang/Lex/Token.h"
#include "llvm/ADT/ArrayRef.h"

namespace phanos {

unsigned countStatements(llvm::ArrayRef<clang::Token> Body);

}  // namespace phanos
