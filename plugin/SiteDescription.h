#pragma once
// The names a profiled function is known by at run time (docs/instrumenting.md).

#include "clang/AST/Decl.h"

#include <string>

namespace phanos {

struct SiteDescription {
  std::string Name;           // "first_access", "Widget", "~Widget", "operator()"
  std::string Item;           // class, innermost named namespace, or file stem
  std::string QualifiedName;  // "ns::Widget::first_access"
  std::string File;           // as __FILE__ spells it at the definition
  unsigned Line = 0;

  static SiteDescription of(const clang::FunctionDecl &FD);
};

}  // namespace phanos
