#include "BodyInstrumenter.h"

#include "ConstructorOrDestructor.h"
#include "CoroutineBody.h"
#include "GeneratedTokens.h"
#include "ImplicitMoves.h"
#include "ParserPosition.h"
#include "PredefinedNames.h"
#include "RuntimeHeader.h"
#include "StatementCount.h"
#include "TokenReader.h"
#include "Wrapping.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Preprocessor.h"

namespace phanos {

using namespace clang;

namespace {

// A type for generated code, with the source locations it was written with
// (template instantiation needs them for qualified names).
ParsedType parsedType(Sema &S, QualType Type, TypeLoc Written, SourceLocation At) {
  TypeSourceInfo *Info = nullptr;
  if (Written && Written.getType() == Type) {
    Info = S.Context.CreateTypeSourceInfo(Type, Written.getFullDataSize());
    memcpy(Info->getTypeLoc().getOpaqueData(), Written.getOpaqueData(), Written.getFullDataSize());
  } else {
    Info = S.Context.getTrivialTypeSourceInfo(Type, At);
  }
  return S.CreateParsedType(Type, Info);
}

// The lambda's return type: the function's.
ParsedType lambdaReturnType(Sema &S, const FunctionDecl &FD, SourceLocation At) {
  FunctionTypeLoc Function = FD.getFunctionTypeLoc();
  return parsedType(S, FD.getReturnType(), Function ? Function.getReturnLoc() : TypeLoc(), At);
}

// For a coroutine's promise type (see Wrapping::inCoroutine).
SmallVector<ParsedType, 4> parameterTypes(Sema &S, const FunctionDecl &FD, SourceLocation At) {
  SmallVector<ParsedType, 4> Types;
  for (const ParmVarDecl *Param : FD.parameters()) {
    const TypeSourceInfo *Written = Param->getTypeSourceInfo();
    Types.push_back(parsedType(S, Param->getType(), Written ? Written->getTypeLoc() : TypeLoc(), At));
  }
  return Types;
}

// `Awaits`: its promise type must be spelled (see Wrapping::inCoroutine).
std::optional<std::string> whyCoroutineIsNotProfiled(const Sema &S, const FunctionDecl &FD, bool Awaits) {
  if (!S.getLangOpts().CPlusPlus20) return std::string("it is a coroutine; phanos profiles coroutines in C++20");
  if (Awaits)
    for (const ParmVarDecl *Param : FD.parameters())
      if (Param->isParameterPack() && Param->getName().empty())
        return std::string("it is a coroutine that awaits and has an unnamed parameter pack; name the pack");
  return std::nullopt;
}

// `= default` and `= delete`: by the time attributes are handled the parser
// may stand on the `=` or already on the keyword after it.
std::optional<std::string> whyNoBody(Preprocessor &PP, const Token &Start) {
  Token Keyword = Start;
  if (Start.is(tok::equal)) {
    PP.Lex(Keyword);
    PP.EnterToken(Keyword, /*IsReinject=*/false);
  }
  if (Keyword.is(tok::kw_default)) return std::string("it is defaulted, so it has no body to instrument");
  if (Keyword.is(tok::kw_delete)) return std::string("it is deleted, so it has no body to instrument");
  return std::nullopt;
}

}  // namespace

BodyInstrumenter::Result BodyInstrumenter::instrument(Sema &S, FunctionDecl &FD, unsigned MinStatements) {
  Preprocessor &PP = S.getPreprocessor();
  if (!S.getLangOpts().CPlusPlus11) return {Outcome::Skipped, "phanos needs C++11 or later"};
  if (FD.isConsteval()) return {Outcome::Skipped, "it is consteval and never runs at run time"};
  if (FD.isConstexpr() && !S.getLangOpts().CPlusPlus17)
    return {Outcome::Skipped, "it is constexpr, and before C++17 a lambda cannot carry its body in a constant expression"};
  if (FD.hasAttr<TargetAttr>() || FD.hasAttr<TargetClonesAttr>() || FD.hasAttr<CPUSpecificAttr>())
    return {Outcome::Skipped, "it is compiled for another target (__attribute__((target))), which the lambda "
                              "carrying its body would not be"};
  if (FD.hasAttr<NakedAttr>()) return {Outcome::Skipped, "it is naked (no prologue for the runtime's call)"};
  if (FD.isVariadic())
    return {Outcome::Skipped, "it is a C variadic function ('...'); va_start cannot run in the instrumented body"};
  if (!RuntimeHeader::isVisible(S))
    return {Outcome::Skipped, "<" + RuntimeHeader::Path.str() + "> is not included here; include <phanos/phanos.hpp>"};
  if (!ParserPosition::isReliable(PP))
    return {Outcome::Skipped, "the parser is looking ahead tentatively here; move the definition out of this construct"};

  const Token Start = ParserPosition::current();
  if (Start.isOneOf(tok::semi, tok::comma)) return {Outcome::NoBodyHere, ""};
  if (Start.isOneOf(tok::equal, tok::kw_default, tok::kw_delete))
    if (std::optional<std::string> Reason = whyNoBody(PP, Start)) return {Outcome::Skipped, *Reason};
  if (!Start.isOneOf(tok::l_brace, tok::colon, tok::kw_try))
    return {Outcome::Skipped, "phanos could not find where its body starts (the parser is at '" +
                                  PP.getSpelling(Start) + "')"};

  TokenReader Reader(PP);
  Tokens Prologue;  // from after `Start` up to the body's `{`, exclusive
  Token BodyOpen = Start, BodyClose, Next;
  bool IsTry = Start.is(tok::kw_try);
  bool Read = true;
  if (IsTry) {
    Read = Reader.next(Next);
    if (Next.is(tok::colon)) {
      Prologue.push_back(Next);
      Read = Read && Reader.memInitializers(Prologue, BodyOpen);
    } else {
      BodyOpen = Next;
    }
  } else if (Start.is(tok::colon)) {
    Read = Reader.memInitializers(Prologue, BodyOpen);
  }
  Tokens Body;
  Read = Read && BodyOpen.is(tok::l_brace) && Reader.balanced(Body, BodyClose);

  // An ordinary function's try-block moves into the lambda, handlers and all,
  // so the call scope sees what the handlers make of an exception. (A
  // coroutine's goes inside its body the same way, under its scope.)
  bool TryMovesInside = IsTry && !isConstructorOrDestructor(FD);
  Tokens Handlers;
  if (Read && TryMovesInside) Read = Reader.handlers(Handlers, Next);
  if (!Read) {
    Reader.restore();
    return {Outcome::Skipped, "its body could not be read to the end"};
  }
  if (unsigned Statements = countStatements(Body); Statements < MinStatements) {
    Reader.restore();
    return {Outcome::Skipped, "it has " + std::to_string(Statements) + " statement" + (Statements == 1 ? "" : "s") +
                                  ", fewer than min-statements=" + std::to_string(MinStatements)};
  }
  bool Coroutine = isCoroutineBody(Body) || isCoroutineBody(Handlers);
  bool Awaits = Coroutine && awaitsAnything(Body);
  if (Coroutine) {
    if (std::optional<std::string> Reason = whyCoroutineIsNotProfiled(S, FD, Awaits)) {
      Reader.restore();
      return {Outcome::Skipped, *Reason};
    }
  }

  SourceManager &SM = PP.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(BodyOpen.getLocation());
  GeneratedTokens Gen(PP, At, lambdaReturnType(S, FD, At),
                      Coroutine ? parameterTypes(S, FD, At) : SmallVector<ParsedType, 4>());
  bool InPlace = !Coroutine && Wrapping::needsGuardInPlace(FD, Body);
  if (InPlace && FD.isConstexpr()) {
    Reader.restore();
    return {Outcome::Skipped, "it is constexpr, recursive and has a deduced return type"};
  }
  Wrapping W;
  if (Coroutine) {
    W = Wrapping::inCoroutine(FD, Awaits);
    trackSuspensionPoints(Body, Gen);
  } else if (InPlace) {
    W = Wrapping::guardInPlace(FD);
  } else {
    W = Wrapping::inLambda(FD, bindPredefinedNames(Body, Gen));
    makeParameterMovesExplicit(Body, FD, Gen);
  }

  Tokens Out;
  if (TryMovesInside) {
    // `try { B } catch ... {}`  becomes
    // `{ Open try { B } catch ... {} Close } catch (...) { throw; }`
    Gen.append("{", Out);
    Gen.append(W.Open, Out);
    Gen.append("try", Out);
    Out.push_back(BodyOpen);
    Out.append(Body.begin(), Body.end());
    Out.push_back(BodyClose);
    Out.append(Handlers.begin(), Handlers.end());
    Gen.append(W.Close, Out);
    Gen.append("} catch (...) { throw; }", Out);
    Out.push_back(Next);
  } else {
    Out.append(Prologue.begin(), Prologue.end());
    if (Start.isNot(tok::l_brace)) Out.push_back(BodyOpen);  // the parser has not read it
    Gen.append(W.Open, Out);
    Out.append(Body.begin(), Body.end());
    Gen.append(W.Close, Out);
    Out.push_back(BodyClose);
  }
  Reader.pushBack(Out);
  return {Outcome::Instrumented, ""};
}

}  // namespace phanos
