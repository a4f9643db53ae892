#pragma once
// Tells, for each token of a body, whether it lies inside a function nested
// in it (a lambda, or a member function of a local class). A `{` opens such a
// function when it follows a lambda introducer `[...]` or a parameter list;
// a `(` after if/while/for/switch/catch is a condition, not a parameter list.
// When unsure it says "nested", which leaves that code as written.

#include "clang/Lex/Token.h"
#include "llvm/ADT/SmallVector.h"

namespace phanos {

class NestingTracker {
 public:
  NestingTracker() { Previous.startToken(); }
  // Feed every token of the body, in order.
  void advance(const clang::Token &Tok);
  bool inNestedFunction() const { return NestedDepth > 0; }

 private:
  llvm::SmallVector<bool, 8> ParenIsCondition;
  llvm::SmallVector<bool, 8> BraceIsFunction;
  unsigned NestedDepth = 0;
  bool FunctionBodyMayFollow = false;
  clang::Token Previous;
};

}  // namespace phanos
