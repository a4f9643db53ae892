#pragma once
// Rewrites the body of an annotated function definition while it is being
// parsed: the parser has just read the token that starts the body (`{`, the
// `:` of a constructor's initializers, or `try`); the instrumenter reads the
// body's tokens from the preprocessor and pushes back
//
//   { static constexpr ::phanos::detail::Site __phanos_site{...};
//     return ::phanos::detail::invoke(__phanos_site, [&]() -> R { BODY }, params...); }
//
// so the body runs inside the runtime's call scope. See the design note in
// include/phanos/detail/invoke.hpp for why the result survives untouched.
// A coroutine's body cannot move into a lambda: it stays in place, under a
// scope its suspension points keep informed (CoroutineBody.h).

#include "clang/AST/Decl.h"
#include "clang/Sema/Sema.h"

#include <optional>
#include <string>

namespace phanos {

class BodyInstrumenter {
 public:
  enum class Outcome { Instrumented, NoBodyHere, Skipped };
  struct Result {
    Outcome What;
    std::string Reason;  // why it was skipped
  };

  // Must be called from the attribute handler, while the parser's current
  // token is the one following the declarator. A body of fewer than
  // `MinStatements` statements (StatementCount.h) is skipped.
  static Result instrument(clang::Sema &S, clang::FunctionDecl &FD, unsigned MinStatements = 0);
};

}  // namespace phanos
