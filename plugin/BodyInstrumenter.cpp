#include "BodyInstrumenter.h"

#include "GeneratedTokens.h"
#include "ImplicitMoves.h"
#include "ParserPosition.h"
#include "RuntimeHeader.h"
#include "SiteDescription.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

namespace phanos {

using namespace clang;

namespace {

using Tokens = SmallVector<Token, 128>;

std::string cString(StringRef Text) {
  std::string Out = "\"";
  llvm::raw_string_ostream OS(Out);
  OS.write_escaped(Text);
  OS.flush();
  return Out + "\"";
}

std::string siteInitializer(const FunctionDecl &FD) {
  SiteDescription Site = SiteDescription::of(FD);
  return "{" + cString(Site.Name) + ", " + cString(Site.Item) + ", " + cString(Site.QualifiedName) + ", " +
         cString(Site.File) + ", " + std::to_string(Site.Line) + "u}";
}

// The names generated code declares (phanos_site_, phanos_call_,
// phanos_func_...) are not reserved identifiers, so -Wreserved-identifier
// stays quiet; they live in the function's outer block, one scope outside the
// body, so the body cannot clash with them.

// Reads tokens from the preprocessor, remembering all of them so the stream
// can be restored if the body turns out to be malformed.
class TokenReader {
 public:
  explicit TokenReader(Preprocessor &PP) : PP(PP) {}

  bool next(Token &Tok) {
    PP.Lex(Tok);
    Consumed.push_back(Tok);
    return Tok.isNot(tok::eof);
  }

  // Reads up to and including the bracket that closes an already opened one.
  bool balanced(tok::TokenKind Open, tok::TokenKind Close, Tokens &Into, Token &Closing) {
    unsigned Depth = 1;
    Token Tok;
    while (next(Tok)) {
      if (Tok.is(Open)) ++Depth;
      if (Tok.is(Close) && --Depth == 0) {
        Closing = Tok;
        return true;
      }
      Into.push_back(Tok);
    }
    return false;
  }

  // A constructor's mem-initializers end at the `{` that follows a closed
  // initializer (`)`, `}`, or a pack expansion `...`).
  bool memInitializers(Tokens &Into, Token &BodyOpen) {
    unsigned Depth = 0;
    Token Tok;
    tok::TokenKind Previous = tok::colon;
    while (next(Tok)) {
      if (Depth == 0 && Tok.is(tok::l_brace) &&
          (Previous == tok::r_paren || Previous == tok::r_brace || Previous == tok::ellipsis)) {
        BodyOpen = Tok;
        return true;
      }
      if (Tok.isOneOf(tok::l_paren, tok::l_brace, tok::l_square)) ++Depth;
      if (Tok.isOneOf(tok::r_paren, tok::r_brace, tok::r_square) && Depth > 0) --Depth;
      Previous = Tok.getKind();
      Into.push_back(Tok);
    }
    return false;
  }

  void restore() { reinject(Consumed); }

  void reinject(ArrayRef<Token> Stream) {
    // Not marked as reinjected, so the parser-position watcher sees them too
    // (a local class inside this body may hold annotated functions).
    auto Copy = std::make_unique<Token[]>(Stream.size());
    std::copy(Stream.begin(), Stream.end(), Copy.get());
    PP.EnterTokenStream(std::move(Copy), Stream.size(), /*DisableMacroExpansion=*/true,
                        /*IsReinject=*/false);
  }

 private:
  Preprocessor &PP;
  Tokens Consumed;
};

bool isCoroutineKeyword(const Token &Tok) { return Tok.isOneOf(tok::kw_co_await, tok::kw_co_yield, tok::kw_co_return); }

// Inside the lambda, __func__ and its relatives would name the lambda. The
// function's own are bound to references before the lambda, and the body
// uses those. Returns the bindings to emit.
std::string renamePredefinedNames(Tokens &Body, const GeneratedTokens &Gen) {
  struct Predefined {
    tok::TokenKind Kind;
    const char *Spelling;
    const char *Alias;
  };
  static constexpr Predefined Names[] = {
      {tok::kw___func__, "__func__", "phanos_func_"},
      {tok::kw___FUNCTION__, "__FUNCTION__", "phanos_FUNCTION_"},
      {tok::kw___PRETTY_FUNCTION__, "__PRETTY_FUNCTION__", "phanos_PRETTY_FUNCTION_"},
  };
  std::string Bindings;
  for (const Predefined &Name : Names) {
    bool Used = false;
    for (Token &Tok : Body) {
      if (Tok.isNot(Name.Kind)) continue;
      SourceLocation Loc = Tok.getLocation();
      Tok = Gen.identifier(Name.Alias);
      Tok.setLocation(Loc);
      Used = true;
    }
    if (Used) Bindings += std::string("auto& ") + Name.Alias + " = " + Name.Spelling + "; ";
  }
  return Bindings;
}

// The generated text around one body: `Open BODY Close`.
struct Wrapping {
  std::string Open;
  std::string Close;
};

// A function whose return type is deduced cannot call itself from inside the
// lambda: its type is not known until the lambda is complete. Such bodies
// stay where they are, under a guard object; the call is timed and placed in
// the tree, but hooks do not see its result.
bool needsGuardInPlace(const FunctionDecl &FD, ArrayRef<Token> Body) {
  if (!FD.getReturnType()->getContainedDeducedType() || !FD.getIdentifier()) return false;
  return llvm::any_of(Body, [&](const Token &Tok) { return Tok.getIdentifierInfo() == FD.getIdentifier(); });
}

Wrapping guardInPlace(const FunctionDecl &FD) {
  return {"static constexpr ::phanos::detail::Site phanos_site_" + siteInitializer(FD) +
              "; ::phanos::detail::GuardedCall phanos_call_(phanos_site_);",
          ""};
}

// Attributes are handled before a definition inherits `[[noreturn]]` from an
// earlier declaration, so the earlier declarations are asked directly.
bool isNoReturn(const FunctionDecl &FD) {
  if (FD.isNoReturn()) return true;
  ASTContext &Ctx = FD.getASTContext();
  auto WithoutNoReturn = [&](const FunctionDecl &F) {
    const auto *Type = F.getType()->castAs<FunctionType>();
    return QualType(Ctx.adjustFunctionType(Type, Type->getExtInfo().withNoReturn(false)), 0);
  };
  for (const NamedDecl *Earlier : FD.getDeclContext()->lookup(FD.getDeclName())) {
    const auto *Candidate = dyn_cast<FunctionDecl>(Earlier);
    if (Candidate && Candidate != &FD && Candidate->isNoReturn() &&
        Ctx.hasSameType(WithoutNoReturn(*Candidate), WithoutNoReturn(FD)))
      return true;
  }
  return false;
}

Wrapping wrappingFor(const FunctionDecl &FD, const std::string &PredefinedBindings) {
  bool NoReturn = isNoReturn(FD);
  bool ReturnsNothing = isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD) || NoReturn;
  std::string Return = ReturnsNothing ? "" : "return ";
  std::string Site = "static constexpr ::phanos::detail::Site phanos_site_" + siteInitializer(FD) + ";";
  std::string Lambda = std::string("[&]() -> ") + GeneratedTokens::ReturnTypePlaceholder.data() + " {";
  Wrapping W;
  if (FD.isConstexpr()) {
    // A constexpr function may not hold a static; the site lives in a lambda
    // that constant evaluation never calls.
    W.Open = PredefinedBindings + Return +
             "::phanos::detail::invoke_constexpr([]() noexcept -> const ::phanos::detail::Site& { " + Site +
             " return phanos_site_; }, " + Lambda;
  } else {
    W.Open = Site + " " + PredefinedBindings + Return + "::phanos::detail::invoke(phanos_site_, " + Lambda;
  }
  // main() may fall off its end; the lambda standing in for its body may not.
  W.Close = FD.isMain() ? " return 0; });" : " });";
  if (NoReturn) W.Close += " __builtin_unreachable();";
  return W;
}

// The lambda's return type: the function's, with the source locations it was
// written with (template instantiation needs them for qualified names).
ParsedType lambdaReturnType(Sema &S, const FunctionDecl &FD, SourceLocation At) {
  QualType Type = FD.getReturnType();
  TypeSourceInfo *Info = nullptr;
  FunctionTypeLoc Function = FD.getFunctionTypeLoc();
  TypeLoc Written = Function ? Function.getReturnLoc() : TypeLoc();
  if (Written && Written.getType() == Type) {
    Info = S.Context.CreateTypeSourceInfo(Type, Written.getFullDataSize());
    memcpy(Info->getTypeLoc().getOpaqueData(), Written.getOpaqueData(), Written.getFullDataSize());
  } else {
    Info = S.Context.getTrivialTypeSourceInfo(Type, At);
  }
  return S.CreateParsedType(Type, Info);
}

bool isConstructorOrDestructor(const FunctionDecl &FD) {
  return isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD);
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

BodyInstrumenter::Result BodyInstrumenter::instrument(Sema &S, FunctionDecl &FD) {
  Preprocessor &PP = S.getPreprocessor();
  if (!S.getLangOpts().CPlusPlus17) return {Outcome::Skipped, "phanos needs C++17 or later"};
  if (FD.isConsteval()) return {Outcome::Skipped, "it is consteval and never runs at run time"};
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
  Read = Read && BodyOpen.is(tok::l_brace) && Reader.balanced(tok::l_brace, tok::r_brace, Body, BodyClose);

  // An ordinary function's try-block moves into the lambda, handlers and all,
  // so the call scope sees what the handlers make of an exception.
  bool TryMovesInside = IsTry && !isConstructorOrDestructor(FD);
  Tokens Handlers;
  while (Read && TryMovesInside) {
    Token Catch, Ignored;
    // The token after the last handler goes back too; it may be the end of
    // the main file.
    if (!Reader.next(Catch) || Catch.isNot(tok::kw_catch)) {
      Next = Catch;
      break;
    }
    Handlers.push_back(Catch);
    Token Paren, Brace;
    Read = Reader.next(Paren) && Paren.is(tok::l_paren);
    Handlers.push_back(Paren);
    Read = Read && Reader.balanced(tok::l_paren, tok::r_paren, Handlers, Ignored);
    Handlers.push_back(Ignored);
    Read = Read && Reader.next(Brace) && Brace.is(tok::l_brace);
    Handlers.push_back(Brace);
    Read = Read && Reader.balanced(tok::l_brace, tok::r_brace, Handlers, Ignored);
    Handlers.push_back(Ignored);
  }
  if (!Read) {
    Reader.restore();
    return {Outcome::Skipped, "its body could not be read to the end"};
  }
  if (llvm::any_of(Body, isCoroutineKeyword)) {
    Reader.restore();
    return {Outcome::Skipped, "it is a coroutine; coroutines are not yet supported"};
  }

  SourceManager &SM = PP.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(BodyOpen.getLocation());
  GeneratedTokens Gen(PP, At, lambdaReturnType(S, FD, At));
  bool InPlace = needsGuardInPlace(FD, Body);
  if (InPlace && FD.isConstexpr()) {
    Reader.restore();
    return {Outcome::Skipped, "it is constexpr, recursive and has a deduced return type"};
  }
  Wrapping W = InPlace ? guardInPlace(FD) : wrappingFor(FD, renamePredefinedNames(Body, Gen));
  if (!InPlace) makeParameterMovesExplicit(Body, FD, Gen);

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
    if (BodyOpen.getLocation() != Start.getLocation()) Out.push_back(BodyOpen);
    Gen.append(W.Open, Out);
    Out.append(Body.begin(), Body.end());
    Gen.append(W.Close, Out);
    Out.push_back(BodyClose);
  }
  Reader.reinject(Out);
  return {Outcome::Instrumented, ""};
}

}  // namespace phanos
