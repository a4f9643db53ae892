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

// Why the function cannot be instrumented at all, whatever its body.
std::optional<std::string> whyFunctionIsNotProfiled(Sema &S, const FunctionDecl &FD) {
  if (!S.getLangOpts().CPlusPlus11) return std::string("phanos needs C++11 or later");
  if (FD.isConsteval()) return std::string("it is consteval and never runs at run time");
  if (FD.isConstexpr() && !S.getLangOpts().CPlusPlus17)
    return std::string("it is constexpr, and before C++17 a lambda cannot carry its body in a constant expression");
  if (FD.hasAttr<TargetAttr>() || FD.hasAttr<TargetClonesAttr>() || FD.hasAttr<CPUSpecificAttr>())
    return std::string(
        "it is compiled for another target (__attribute__((target))), which the lambda "
        "carrying its body would not be");
  if (FD.hasAttr<NakedAttr>()) return std::string("it is naked (no prologue for the runtime's call)");
  if (FD.isVariadic())
    return std::string("it is a C variadic function ('...'); va_start cannot run in the instrumented body");
  if (!RuntimeHeader::isVisible(S))
    return "<" + RuntimeHeader::Path.str() + "> is not included here; include <phanos/phanos.hpp>";
  if (!ParserPosition::isReliable(S.getPreprocessor()))
    return std::string("the parser is looking ahead tentatively here; move the definition out of this construct");
  return std::nullopt;
}

// A definition's tokens from the one the parser stands on (`Start`) to the
// end of its body, as read ahead of the parser.
struct ReadDefinition {
  Token Start;
  Tokens Prologue;  // from after `Start` up to the body's `{`, exclusive
  Token BodyOpen, BodyClose;
  Tokens Body;
  // An ordinary function's try-block moves into the lambda, handlers and
  // all, so the call scope sees what the handlers make of an exception. (A
  // coroutine's goes inside its body the same way, under its scope.)
  bool TryMovesInside = false;
  Tokens Handlers;
  Token AfterHandlers;

  bool isCoroutine() const { return isCoroutineBody(Body) || isCoroutineBody(Handlers); }
};

bool readDefinition(TokenReader &Reader, const FunctionDecl &FD, ReadDefinition &Def) {
  Def.BodyOpen = Def.Start;
  bool IsTry = Def.Start.is(tok::kw_try);
  if (IsTry) {
    Token Next;
    if (!Reader.next(Next)) return false;
    if (Next.is(tok::colon)) {
      Def.Prologue.push_back(Next);
      if (!Reader.memInitializers(Def.Prologue, Def.BodyOpen)) return false;
    } else {
      Def.BodyOpen = Next;
    }
  } else if (Def.Start.is(tok::colon)) {
    if (!Reader.memInitializers(Def.Prologue, Def.BodyOpen)) return false;
  }
  if (Def.BodyOpen.isNot(tok::l_brace) || !Reader.balanced(Def.Body, Def.BodyClose)) return false;
  Def.TryMovesInside = IsTry && !isConstructorOrDestructor(FD);
  return !Def.TryMovesInside || Reader.handlers(Def.Handlers, Def.AfterHandlers);
}

// Why a body that was read is left as written: too short, or a coroutine
// that cannot be profiled.
std::optional<std::string> whyBodyIsNotProfiled(const Sema &S, const FunctionDecl &FD, const ReadDefinition &Def,
                                                unsigned MinStatements) {
  if (unsigned Statements = countStatements(Def.Body); Statements < MinStatements)
    return "it has " + std::to_string(Statements) + " statement" + (Statements == 1 ? "" : "s") +
           ", fewer than min-statements=" + std::to_string(MinStatements);
  if (Def.isCoroutine()) return whyCoroutineIsNotProfiled(S, FD, awaitsAnything(Def.Body));
  if (Wrapping::needsGuardInPlace(FD, Def.Body) && FD.isConstexpr())
    return std::string("it is constexpr, recursive and has a deduced return type");
  return std::nullopt;
}

// Generated code reads as if written at the body's `{`.
GeneratedTokens generatedTokensFor(Sema &S, const FunctionDecl &FD, const ReadDefinition &Def) {
  Preprocessor &PP = S.getPreprocessor();
  SourceLocation At = PP.getSourceManager().getExpansionLoc(Def.BodyOpen.getLocation());
  return GeneratedTokens(PP, At, lambdaReturnType(S, FD, At),
                         Def.isCoroutine() ? parameterTypes(S, FD, At) : SmallVector<ParsedType, 4>());
}

// The text around the body, and the rewriting of the body that goes with it.
Wrapping wrapBody(const FunctionDecl &FD, ReadDefinition &Def, const GeneratedTokens &Gen) {
  if (Def.isCoroutine()) {
    Wrapping W = Wrapping::inCoroutine(FD, awaitsAnything(Def.Body));
    trackSuspensionPoints(Def.Body, Gen);
    return W;
  }
  if (Wrapping::needsGuardInPlace(FD, Def.Body)) return Wrapping::guardInPlace(FD);
  Wrapping W = Wrapping::inLambda(FD, bindPredefinedNames(Def.Body, Gen));
  makeParameterMovesExplicit(Def.Body, FD, Gen);
  return W;
}

// What the parser reads instead of the definition's tokens.
Tokens instrumentedDefinition(const ReadDefinition &Def, const Wrapping &W, const GeneratedTokens &Gen) {
  Tokens Out;
  if (Def.TryMovesInside) {
    // `try { B } catch ... {}`  becomes
    // `{ Open try { B } catch ... {} Close } catch (...) { throw; }`
    Gen.append("{", Out);
    Gen.append(W.Open, Out);
    Gen.append("try", Out);
    Out.push_back(Def.BodyOpen);
    Out.append(Def.Body.begin(), Def.Body.end());
    Out.push_back(Def.BodyClose);
    Out.append(Def.Handlers.begin(), Def.Handlers.end());
    Gen.append(W.Close, Out);
    Gen.append("} catch (...) { throw; }", Out);
    Out.push_back(Def.AfterHandlers);
  } else {
    Out.append(Def.Prologue.begin(), Def.Prologue.end());
    if (Def.Start.isNot(tok::l_brace)) Out.push_back(Def.BodyOpen);  // the parser has not read it
    Gen.append(W.Open, Out);
    Out.append(Def.Body.begin(), Def.Body.end());
    Gen.append(W.Close, Out);
    Out.push_back(Def.BodyClose);
  }
  return Out;
}

}  // namespace

BodyInstrumenter::Result BodyInstrumenter::instrument(Sema &S, FunctionDecl &FD, unsigned MinStatements) {
  if (std::optional<std::string> Reason = whyFunctionIsNotProfiled(S, FD)) return {Outcome::Skipped, *Reason};

  Preprocessor &PP = S.getPreprocessor();
  ReadDefinition Def;
  Def.Start = ParserPosition::current();
  if (Def.Start.isOneOf(tok::semi, tok::comma)) return {Outcome::NoBodyHere, ""};
  if (Def.Start.isOneOf(tok::equal, tok::kw_default, tok::kw_delete))
    if (std::optional<std::string> Reason = whyNoBody(PP, Def.Start)) return {Outcome::Skipped, *Reason};
  if (!Def.Start.isOneOf(tok::l_brace, tok::colon, tok::kw_try))
    return {Outcome::Skipped,
            "phanos could not find where its body starts (the parser is at '" + PP.getSpelling(Def.Start) + "')"};

  TokenReader Reader(PP);
  if (!readDefinition(Reader, FD, Def)) {
    Reader.restore();
    return {Outcome::Skipped, "its body could not be read to the end"};
  }
  if (std::optional<std::string> Reason = whyBodyIsNotProfiled(S, FD, Def, MinStatements)) {
    Reader.restore();
    return {Outcome::Skipped, *Reason};
  }
  GeneratedTokens Gen = generatedTokensFor(S, FD, Def);
  Wrapping W = wrapBody(FD, Def, Gen);
  Reader.pushBack(instrumentedDefinition(Def, W, Gen));
  return {Outcome::Instrumented, ""};
}

}  // namespace phanos
