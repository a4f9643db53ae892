#pragma once
// Inside the lambda that carries a body, __func__, __FUNCTION__ and
// __PRETTY_FUNCTION__ would name the lambda. The function's own are bound to
// references before the lambda, and the body uses those.

#include "GeneratedTokens.h"
#include "TokenReader.h"

#include <string>

namespace phanos {

// Renames the body's uses; returns the bindings to emit before the lambda.
std::string bindPredefinedNames(Tokens &Body, const GeneratedTokens &Gen);

}  // namespace phanos
