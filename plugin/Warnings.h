#pragma once
// Every diagnostic the plugin emits about the code (the one about its own
// arguments is in PluginOptions). Valid code only ever gets warnings, and
// only where an annotation cannot take effect; remarks on request (files
// mode's skips among them, in the words of the warnings).

#include "clang/AST/Decl.h"
#include "clang/Sema/Sema.h"

namespace phanos::warnings {

// "[[phanos::profile]] ignored on 'f': <reason>"
void notInstrumented(clang::Sema &S, clang::SourceLocation Loc, const clang::NamedDecl &D, llvm::StringRef Reason);
void notAFunction(clang::Sema &S, clang::SourceLocation Loc);

}  // namespace phanos::warnings

namespace phanos::remarks {

// -fplugin-arg-phanos-verbose: "[[phanos::profile]] instruments 'f' (item 'I', name 'n')"
void instrumented(clang::Sema &S, clang::SourceLocation Loc, const clang::FunctionDecl &FD);
// -fplugin-arg-phanos-verbose, files mode: "[[phanos::profile]] ignored on 'f': <reason>"
void skipped(clang::Sema &S, clang::SourceLocation Loc, const clang::FunctionDecl &FD, llvm::StringRef Reason);

}  // namespace phanos::remarks
