#pragma once
// The generated text that goes around a body: `Open BODY Close`.
//
//   { static constexpr ::phanos::detail::Site __phanos_site{...};
//     return ::phanos::detail::invoke(__phanos_site, [&]() -> R { BODY }, params...); }
//
// The names it declares are reserved ones (GeneratedNames.h), so no body can
// clash with them, even a body kept in place beside them.

#include "clang/AST/Decl.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace phanos {

struct Wrapping {
  std::string Open;
  std::string Close;

  // The body moves into a lambda run by the runtime's invoke().
  static Wrapping inLambda(const clang::FunctionDecl &FD, const std::string &PredefinedBindings);
  // The body stays where it is, under a guard object: the call is timed and
  // placed in the tree, but hooks do not see its result.
  static Wrapping guardInPlace(const clang::FunctionDecl &FD);
  // A coroutine's body stays where it is, under a scope that its
  // suspension points keep informed (see CoroutineBody.h). `Awaits`: the body
  // has co_await, so the promise type must be looked at.
  static Wrapping inCoroutine(const clang::FunctionDecl &FD, bool Awaits);
  // A function whose return type is deduced cannot call itself from inside
  // the lambda: its type is not known until the lambda is complete.
  static bool needsGuardInPlace(const clang::FunctionDecl &FD, llvm::ArrayRef<clang::Token> Body);
};

}  // namespace phanos
