#pragma once
// `return param;` moves a by-value parameter implicitly. Once the body runs
// inside a `[&]` lambda, `param` names a captured reference and the same
// statement would copy. This pass spells the move out, for returns of the
// function itself (not of lambdas or local classes nested in its body).

#include "GeneratedTokens.h"

#include "clang/AST/Decl.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/SmallVector.h"

namespace phanos {

void makeParameterMovesExplicit(llvm::SmallVectorImpl<clang::Token> &Body, const clang::FunctionDecl &FD,
                                const GeneratedTokens &Gen);

}  // namespace phanos
