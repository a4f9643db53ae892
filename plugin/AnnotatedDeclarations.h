#pragma once
// Annotated functions whose body was not in reach when the attribute was
// seen. At the end of the translation unit each gets a warning unless an
// annotated definition was instrumented after all.

#include "clang/AST/Decl.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace phanos {

class AnnotatedDeclarations {
 public:
  static void declaredWithoutBody(const clang::FunctionDecl &FD);
  static void instrumented(const clang::FunctionDecl &FD);
  static void reportUninstrumented(clang::Sema &S);
};

}  // namespace phanos
