#include "ImplicitMoves.h"

#include "NestingTracker.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/IdentifierTable.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>

namespace phanos {

using namespace clang;

namespace {

// Parameters that `return name;` would move from (C++17 [class.copy.elision];
// C++20 adds rvalue-reference parameters).
llvm::SmallPtrSet<const IdentifierInfo *, 8> implicitlyMovableParameters(const FunctionDecl &FD) {
  llvm::SmallPtrSet<const IdentifierInfo *, 8> Names;
  bool RvalueReferencesMove = FD.getASTContext().getLangOpts().CPlusPlus20;
  for (const ParmVarDecl *Param : FD.parameters()) {
    QualType Type = Param->getType();
    if (!Param->getIdentifier() || Type.isVolatileQualified()) continue;
    if (Type->isLValueReferenceType() || (Type->isRValueReferenceType() && !RvalueReferencesMove)) continue;
    Names.insert(Param->getIdentifier());
  }
  return Names;
}

// `return name ;` or `return ( name ) ;` starting at I: the name's index.
std::optional<size_t> returnedName(ArrayRef<Token> Body, size_t I) {
  auto Is = [&](size_t J, tok::TokenKind K) { return J < Body.size() && Body[J].is(K); };
  if (!Is(I, tok::kw_return)) return std::nullopt;
  if (Is(I + 1, tok::identifier) && Is(I + 2, tok::semi)) return I + 1;
  if (Is(I + 1, tok::l_paren) && Is(I + 2, tok::identifier) && Is(I + 3, tok::r_paren) && Is(I + 4, tok::semi))
    return I + 2;
  return std::nullopt;
}

}  // namespace

void makeParameterMovesExplicit(SmallVectorImpl<Token> &Body, const FunctionDecl &FD, const GeneratedTokens &Gen) {
  auto Movable = implicitlyMovableParameters(FD);
  if (Movable.empty()) return;
  SmallVector<Token, 128> Out;
  NestingTracker Nesting;
  for (size_t I = 0; I < Body.size(); ++I) {
    std::optional<size_t> Name = returnedName(Body, I);
    if (Name && !Nesting.inNestedFunction() && Movable.count(Body[*Name].getIdentifierInfo())) {
      // `return static_cast<decltype(name)&&>(name);`, keeping the name's own
      // token (and location) in both places.
      Out.push_back(Body[I]);
      Gen.append("static_cast<decltype(", Out);
      Out.push_back(Body[*Name]);
      Gen.append(")&&>(", Out);
      Out.push_back(Body[*Name]);
      Gen.append(")", Out);
      for (; I < Body.size() && Body[I].isNot(tok::semi); ++I) Nesting.advance(Body[I]);
      Out.push_back(Body[I]);
      Nesting.advance(Body[I]);
      continue;
    }
    Nesting.advance(Body[I]);
    Out.push_back(Body[I]);
  }
  Body.swap(Out);
}

}  // namespace phanos
