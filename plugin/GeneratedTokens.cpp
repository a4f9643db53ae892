#include "GeneratedTokens.h"

#include "GeneratedNames.h"

#include "clang/Lex/Lexer.h"

namespace phanos {

using namespace clang;

void GeneratedTokens::append(StringRef Text, SmallVectorImpl<Token> &Out) const {
  // The text goes into the preprocessor's scratch buffer, and one expansion
  // entry maps all of it onto `At`, the way clang maps a macro's tokens.
  Token Scratch;
  Scratch.startToken();
  Scratch.setKind(tok::string_literal);
  PP.CreateString(Text, Scratch);
  SourceManager &SM = PP.getSourceManager();
  SourceLocation SpellingStart = Scratch.getLocation();
  SourceLocation ExpansionStart = SM.createExpansionLoc(SpellingStart, At, At, Text.size());
  const char *Start = Scratch.getLiteralData();

  Lexer Raw(SpellingStart, PP.getLangOpts(), Start, Start, Start + Text.size());
  Token Tok;
  for (Raw.LexFromRawLexer(Tok); Tok.isNot(tok::eof); Raw.LexFromRawLexer(Tok)) {
    unsigned Offset = SM.getFileOffset(Tok.getLocation()) - SM.getFileOffset(SpellingStart);
    Tok.setLocation(ExpansionStart.getLocWithOffset(Offset));
    if (Tok.is(tok::raw_identifier)) {
      if (std::optional<ParsedType> Placeholder = placeholderType(Tok.getRawIdentifier())) {
        Token Type;
        Type.startToken();
        Type.setKind(tok::annot_typename);
        Type.setAnnotationValue(Placeholder->getAsOpaquePtr());
        Type.setLocation(Tok.getLocation());
        Type.setAnnotationEndLoc(Tok.getLocation());
        Out.push_back(Type);
        continue;
      }
      SourceLocation Declaration = names::declarationLocation(SM, Tok.getRawIdentifier());
      PP.LookUpIdentifierInfo(Tok);
      if (Declaration.isValid()) Tok.setLocation(Declaration);
    }
    Out.push_back(Tok);
  }
}

std::optional<ParsedType> GeneratedTokens::placeholderType(StringRef Identifier) const {
  if (Identifier == ReturnTypePlaceholder) return ReturnType;
  unsigned Index = 0;
  if (Identifier.consume_front(ParameterTypePlaceholder) && !Identifier.getAsInteger(10, Index) &&
      Index < ParameterTypes.size())
    return ParameterTypes[Index];
  return std::nullopt;
}

Token GeneratedTokens::identifier(StringRef Name) const {
  SmallVector<Token, 1> One;
  append(Name, One);
  return One.front();
}

}  // namespace phanos
