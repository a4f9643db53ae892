#include "NestingTracker.h"

namespace phanos {

using namespace clang;

namespace {

bool isControlKeyword(const Token &Tok) {
  return Tok.isOneOf(tok::kw_if, tok::kw_while, tok::kw_for, tok::kw_switch, tok::kw_catch, tok::kw_constexpr);
}

}  // namespace

void NestingTracker::advance(const Token &Tok) {
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

}  // namespace phanos
