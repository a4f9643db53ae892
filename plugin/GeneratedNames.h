#pragma once
// The names the generated code declares in a user's function. They are
// reserved identifiers (`__phanos_...`), so no valid program declares them
// too, and no user macro is expanded in generated tokens. A reserved name
// declared in the user's file would set off -Wreserved-identifier, so the
// token that declares one is placed in a system buffer of its own
// ("<phanos generated names>"), where clang keeps quiet.

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace phanos::names {

// The function's Site (a static constant).
constexpr llvm::StringLiteral Site = "__phanos_site";
// The arguments a guarded call (a body kept in place) shows hooks.
constexpr llvm::StringLiteral Arguments = "__phanos_arguments";
// The guard of a body kept in place.
constexpr llvm::StringLiteral Call = "__phanos_call";
// A coroutine's profiled call, in its frame.
constexpr llvm::StringLiteral Coroutine = "__phanos_coroutine";
// The function's own __func__, __FUNCTION__ and __PRETTY_FUNCTION__.
constexpr llvm::StringLiteral Func = "__phanos_func";
constexpr llvm::StringLiteral Function = "__phanos_FUNCTION";
constexpr llvm::StringLiteral PrettyFunction = "__phanos_PRETTY_FUNCTION";

// Where a declaring token of `Name` is placed: in the system buffer, or an
// invalid location when `Name` is none of the names above.
clang::SourceLocation declarationLocation(clang::SourceManager &SM, llvm::StringRef Name);

}  // namespace phanos::names
