#include "ImplicitMoves.h"

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

bool isControlKeyword(const Token &Tok) {
  return Tok.isOneOf(tok::kw_if, tok::kw_while, tok::kw_for, tok::kw_switch, tok::kw_catch, tok::kw_constexpr);
}

// Tells, for each token of a body, whether it lies inside a function nested
// in it (a lambda, or a member function of a local class). A `{` opens such a
// function when it follows a lambda introducer `[...]` or a parameter list;
// a `(` after if/while/for/switch/catch is a condition, not a parameter list.
// When unsure it says "nested", which only leaves a copy in place.
class NestingTracker {
 public:
  NestingTracker() { Previous.startToken(); }
  void advance(const Token &Tok) {
    if (Tok.is(tok::l_paren)) {
      ParenIsCondition.push_back(isControlKeyword(Previous));
    } else if (Tok.is(tok::r_paren) && !ParenIsCondition.empty()) {
      FunctionBodyMayFollow = !ParenIsCondition.back();
      ParenIsCondition.pop_back();
    } else if (Tok.is(tok::r_square)) {
      FunctionBodyMayFollow = true;
    } else if (Tok.is(tok::semi)) {
      FunctionBodyMayFollow = false;
    } else if (Tok.is(tok::l_brace)) {
      BraceIsFunction.push_back(FunctionBodyMayFollow);
      NestedDepth += FunctionBodyMayFollow;
      FunctionBodyMayFollow = false;
    } else if (Tok.is(tok::r_brace) && !BraceIsFunction.empty()) {
      NestedDepth -= BraceIsFunction.back();
      BraceIsFunction.pop_back();
    }
    Previous = Tok;
  }
  bool inNestedFunction() const { return NestedDepth > 0; }

 private:
  llvm::SmallVector<bool, 8> ParenIsCondition;
  llvm::SmallVector<bool, 8> BraceIsFunction;
  unsigned NestedDepth = 0;
  bool FunctionBodyMayFollow = false;
  Token Previous;
};

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
