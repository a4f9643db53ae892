#include "CoroutineBody.h"

#include "BracketNesting.h"
#include "GeneratedNames.h"
#include "NestingTracker.h"

#include <optional>

namespace phanos {

using namespace clang;

namespace {

// The bracket closing the one at I; Body.size() if there is none.
size_t matching(ArrayRef<Token> Body, size_t I) {
  BracketNesting Nesting;
  for (; I < Body.size(); ++I)
    if (Nesting.closesOutermost(Body[I])) return I;
  return Body.size();
}

// A `<` after a name at I: the `>` closing it, if it reads as a template
// argument list (it closes before the statement or enclosing bracket ends).
std::optional<size_t> templateArgumentsEnd(ArrayRef<Token> Body, size_t I) {
  unsigned Angles = 0;
  for (; I < Body.size(); ++I) {
    const Token &Tok = Body[I];
    if (Tok.is(tok::less)) ++Angles;
    if (Tok.is(tok::greater) && --Angles == 0) return I;
    if (Tok.is(tok::greatergreater)) {
      if (Angles < 2) return std::nullopt;
      Angles -= 2;
      if (Angles == 0) return I;
    }
    if (BracketNesting::opens(Tok)) I = matching(Body, I);
    if (Tok.isOneOf(tok::semi, tok::ampamp, tok::pipepipe) || BracketNesting::closes(Tok)) return std::nullopt;
  }
  return std::nullopt;
}

bool isNameOrKeyword(const Token &Tok) { return Tok.getIdentifierInfo() != nullptr; }

// A literal, or a possibly qualified name with template arguments, from I.
size_t nameEnd(ArrayRef<Token> Body, size_t I) {
  while (I < Body.size()) {
    const Token &Tok = Body[I];
    if (Tok.isOneOf(tok::coloncolon, tok::tilde, tok::kw_template)) {
      ++I;
      continue;
    }
    if (Tok.isLiteral()) {
      for (++I; I < Body.size() && Body[I].is(tok::string_literal);) ++I;  // "a" "b"
      return I;
    }
    if (!isNameOrKeyword(Tok)) return I;
    ++I;
    if (I < Body.size() && Body[I].is(tok::less)) {
      if (std::optional<size_t> Close = templateArgumentsEnd(Body, I)) I = *Close + 1;
    }
    if (I >= Body.size() || Body[I].isNot(tok::coloncolon)) return I;
  }
  return I;
}

// After `(...)`: whether a cast's operand follows, rather than a binary
// operator (`*`, `&`, `+`, `-` are read as binary).
bool startsOperand(const Token &Tok) {
  return isNameOrKeyword(Tok) || Tok.isLiteral() || Tok.isOneOf(tok::l_paren, tok::exclaim, tok::tilde);
}

// co_await's operand, a cast-expression, starting at I: one past its end.
size_t castExpressionEnd(ArrayRef<Token> Body, size_t I) {
  const size_t N = Body.size();
  while (I < N) {  // prefix operators and casts
    if (Body[I].isOneOf(tok::star, tok::amp, tok::plus, tok::minus, tok::exclaim, tok::tilde, tok::plusplus,
                        tok::minusminus, tok::kw_co_await)) {
      ++I;
      continue;
    }
    if (Body[I].is(tok::l_paren)) {
      size_t Close = matching(Body, I);
      if (Close + 1 < N && startsOperand(Body[Close + 1])) {
        I = Close + 1;
        continue;
      }
    }
    break;
  }
  if (I >= N) return N;
  if (Body[I].is(tok::l_square)) {  // a lambda: introducer, declarator, body
    for (I = matching(Body, I) + 1; I < N && Body[I].isNot(tok::l_brace); ++I) {
      if (BracketNesting::opens(Body[I])) I = matching(Body, I);
    }
    I = matching(Body, I) + 1;
  } else if (BracketNesting::opens(Body[I])) {
    I = matching(Body, I) + 1;
  } else {
    I = nameEnd(Body, I);
  }
  while (I < N) {  // postfix operators
    const Token &Tok = Body[I];
    if (BracketNesting::opens(Tok)) {
      I = matching(Body, I) + 1;
    } else if (Tok.isOneOf(tok::period, tok::arrow)) {
      I = nameEnd(Body, I + 1);
    } else if (Tok.is(tok::coloncolon)) {
      I = nameEnd(Body, I);
    } else if (Tok.isOneOf(tok::plusplus, tok::minusminus)) {
      ++I;
    } else {
      break;
    }
  }
  return std::min(I, N);
}

// co_yield's operand, an assignment-expression or braced list, starting at
// I: one past its end.
size_t assignmentExpressionEnd(ArrayRef<Token> Body, size_t I) {
  unsigned OpenConditionals = 0;
  for (; I < Body.size(); ++I) {
    const Token &Tok = Body[I];
    if (BracketNesting::opens(Tok)) {
      I = matching(Body, I);
      continue;
    }
    if (Tok.isOneOf(tok::semi, tok::comma) || BracketNesting::closes(Tok)) return I;
    if (Tok.is(tok::question)) ++OpenConditionals;
    if (Tok.is(tok::colon)) {
      if (OpenConditionals == 0) return I;
      --OpenConditionals;
    }
    if (Tok.is(tok::less) && I > 0 && isNameOrKeyword(Body[I - 1])) {
      if (std::optional<size_t> Close = templateArgumentsEnd(Body, I)) I = *Close;
    }
  }
  return Body.size();
}

template <class Visit>
void forOwnLevel(ArrayRef<Token> Body, Visit visit) {
  NestingTracker Nesting;
  for (const Token &Tok : Body) {
    if (!Nesting.inNestedFunction()) visit(Tok);
    Nesting.advance(Tok);
  }
}

Tokens rewritten(ArrayRef<Token> Body, const GeneratedTokens &Gen) {
  Tokens Out;
  NestingTracker Nesting;
  for (size_t I = 0; I < Body.size();) {
    const Token &Keyword = Body[I];
    bool Await = Keyword.is(tok::kw_co_await);
    if (Nesting.inNestedFunction() || !(Await || Keyword.is(tok::kw_co_yield))) {
      Nesting.advance(Keyword);
      Out.push_back(Keyword);
      ++I;
      continue;
    }
    size_t End = Await ? castExpressionEnd(Body, I + 1) : assignmentExpressionEnd(Body, I + 1);
    Tokens Operand = rewritten(Body.slice(I + 1, End - I - 1), Gen);
    if (Operand.empty()) {
      Out.push_back(Keyword);  // not an expression: left to the compiler to report
    } else if (Await) {
      Out.push_back(Keyword);
      Gen.append("::phanos::detail::track(" + names::Coroutine.str() + ", ", Out);
      Out.append(Operand.begin(), Operand.end());
      Gen.append(")", Out);
    } else if (Operand.front().is(tok::l_brace)) {
      Gen.append("(::phanos::detail::suspending(" + names::Coroutine.str() + "), ", Out);
      Out.push_back(Keyword);
      Out.append(Operand.begin(), Operand.end());
      Gen.append(", ::phanos::detail::resumed(" + names::Coroutine.str() + "))", Out);
    } else {
      Gen.append("(", Out);
      Out.push_back(Keyword);
      Gen.append("::phanos::detail::yielding(" + names::Coroutine.str() + ", ", Out);
      Out.append(Operand.begin(), Operand.end());
      Gen.append("), ::phanos::detail::resumed(" + names::Coroutine.str() + "))", Out);
    }
    for (; I < End; ++I) Nesting.advance(Body[I]);
  }
  return Out;
}

}  // namespace

bool isCoroutineBody(ArrayRef<Token> Body) {
  bool Found = false;
  forOwnLevel(Body,
              [&](const Token &Tok) { Found |= Tok.isOneOf(tok::kw_co_await, tok::kw_co_yield, tok::kw_co_return); });
  return Found;
}

bool awaitsAnything(ArrayRef<Token> Body) {
  bool Found = false;
  forOwnLevel(Body, [&](const Token &Tok) { Found |= Tok.is(tok::kw_co_await); });
  return Found;
}

void trackSuspensionPoints(Tokens &Body, const GeneratedTokens &Gen) {
  Tokens Out = rewritten(Body, Gen);
  Body.swap(Out);
}

}  // namespace phanos
