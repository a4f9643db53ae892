#pragma once
// Turns generated source text into tokens the parser can read as if they
// followed a given location, so diagnostics in generated code point at the
// function being instrumented.

#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Ownership.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace phanos {

class GeneratedTokens {
 public:
  // In generated text, this identifier stands for the function's return type;
  // it becomes an annotation token carrying the type itself (with its source
  // locations), so no type ever has to be spelled: dependent, local and
  // placeholder types included.
  static constexpr llvm::StringLiteral ReturnTypePlaceholder = "__phanos_return_type";
  // `__phanos_parameter_type_0`, `_1`...: the parameters' types, the same way.
  static constexpr llvm::StringLiteral ParameterTypePlaceholder = "__phanos_parameter_type_";

  GeneratedTokens(clang::Preprocessor &PP, clang::SourceLocation At, clang::ParsedType ReturnType,
                  llvm::ArrayRef<clang::ParsedType> ParameterTypes = {})
      : PP(PP), At(At), ReturnType(ReturnType), ParameterTypes(ParameterTypes.begin(), ParameterTypes.end()) {}

  void append(llvm::StringRef Text, llvm::SmallVectorImpl<clang::Token> &Out) const;
  clang::Token identifier(llvm::StringRef Name) const;

 private:
  clang::Preprocessor &PP;
  clang::SourceLocation At;
  clang::ParsedType ReturnType;
  llvm::SmallVector<clang::ParsedType, 4> ParameterTypes;

  std::optional<clang::ParsedType> placeholderType(llvm::StringRef Identifier) const;
};

}  // namespace phanos
