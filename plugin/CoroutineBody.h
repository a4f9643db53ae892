#pragma once
// A coroutine's body cannot move into a lambda, so it stays in place and
// every point where it may suspend is rewritten (at the body's own level,
// not in lambdas or local classes nested in it):
//
//   co_await X   ->  co_await ::phanos::detail::track(__phanos_coroutine, X)
//   co_yield Y   ->  (co_yield ::phanos::detail::yielding(__phanos_coroutine, Y),
//                     ::phanos::detail::resumed(__phanos_coroutine))
//
// See include/phanos/detail/coroutine.hpp for what these do.

#include "GeneratedTokens.h"
#include "TokenReader.h"

#include "llvm/ADT/ArrayRef.h"

namespace phanos {

// co_await, co_yield or co_return at the body's own level.
bool isCoroutineBody(llvm::ArrayRef<clang::Token> Body);
// co_await at the body's own level.
bool awaitsAnything(llvm::ArrayRef<clang::Token> Body);

void trackSuspensionPoints(Tokens &Body, const GeneratedTokens &Gen);

}  // namespace phanos
