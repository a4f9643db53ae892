#pragma once
// Instrumented bodies call ::phanos::detail::invoke, declared in
// <phanos/detail/invoke.hpp>. The plugin includes that header ahead of a main
// file that spells the attribute (and of every C++ file in files mode), and
// otherwise leaves the translation unit's headers exactly as written (so
// unannotated code compiles to the same bytes, debug information included).

#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Sema.h"

namespace phanos {

class RuntimeHeader {
 public:
  static constexpr llvm::StringLiteral Path = "phanos/detail/invoke.hpp";

  static void includeWhereNeeded(clang::Preprocessor &PP);
  // Whether the declarations instrumented bodies need are visible here.
  static bool isVisible(clang::Sema &S);
};

}  // namespace phanos
