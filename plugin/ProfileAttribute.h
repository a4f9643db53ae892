#pragma once
// `[[phanos::profile]]` and `__attribute__((phanos_profile))`; in files mode
// (FilesMode.h) the same handler meets every function declaration.

#include "clang/AST/Decl.h"
#include "clang/Sema/ParsedAttr.h"

namespace phanos {

class ProfileAttribute : public clang::ParsedAttrInfo {
 public:
  static constexpr llvm::StringLiteral GnuName = "phanos_profile";

  ProfileAttribute();
  bool diagAppertainsToDecl(clang::Sema &S, const clang::ParsedAttr &Attr, const clang::Decl *D) const override;
  AttrHandling handleDeclAttribute(clang::Sema &S, clang::Decl *D, const clang::ParsedAttr &Attr) const override;

  // Whether the function carries the attribute (handled already).
  static bool isAnnotated(const clang::FunctionDecl &FD);
};

}  // namespace phanos
