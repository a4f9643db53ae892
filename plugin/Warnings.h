#pragma once
// Every diagnostic the plugin emits. Valid code only ever gets warnings, and
// only where an annotation cannot take effect.

#include "clang/AST/Decl.h"
#include "clang/Sema/Sema.h"

namespace phanos::warnings {

// "[[phanos::profile]] ignored on 'f': <reason>"
void notInstrumented(clang::Sema &S, clang::SourceLocation Loc, const clang::NamedDecl &D, llvm::StringRef Reason);
void notAFunction(clang::Sema &S, clang::SourceLocation Loc);

}  // namespace phanos::warnings
