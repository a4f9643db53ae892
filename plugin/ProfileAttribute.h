#pragma once
// `[[phanos::profile]]` and `__attribute__((phanos_profile))`.

#include "clang/Sema/ParsedAttr.h"

namespace phanos {

class ProfileAttribute : public clang::ParsedAttrInfo {
 public:
  ProfileAttribute();
  bool diagAppertainsToDecl(clang::Sema &S, const clang::ParsedAttr &Attr, const clang::Decl *D) const override;
  AttrHandling handleDeclAttribute(clang::Sema &S, clang::Decl *D, const clang::ParsedAttr &Attr) const override;
};

}  // namespace phanos
