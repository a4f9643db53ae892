#pragma once
// Constructors and destructors are instrumented apart from other functions:
// they return nothing, and their function-try-block must stay the function's
// own (it also handles what the construction or destruction of bases and
// members throws), so it cannot move into a lambda.

#include "clang/AST/DeclCXX.h"

namespace phanos {

inline bool isConstructorOrDestructor(const clang::FunctionDecl &FD) {
  return clang::isa<clang::CXXConstructorDecl>(FD) || clang::isa<clang::CXXDestructorDecl>(FD);
}

}  // namespace phanos
