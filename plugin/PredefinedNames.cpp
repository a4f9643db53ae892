#include "PredefinedNames.h"

#include "GeneratedNames.h"

namespace phanos {

using namespace clang;

std::string bindPredefinedNames(Tokens &Body, const GeneratedTokens &Gen) {
  struct Predefined {
    tok::TokenKind Kind;
    const char *Spelling;
    llvm::StringLiteral Alias;
  };
  static constexpr Predefined Names[] = {
      {tok::kw___func__, "__func__", names::Func},
      {tok::kw___FUNCTION__, "__FUNCTION__", names::Function},
      {tok::kw___PRETTY_FUNCTION__, "__PRETTY_FUNCTION__", names::PrettyFunction},
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
    if (Used) Bindings += "auto& " + Name.Alias.str() + " = " + Name.Spelling + "; ";
  }
  return Bindings;
}

}  // namespace phanos
