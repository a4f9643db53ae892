#include "PredefinedNames.h"

namespace phanos {

using namespace clang;

std::string bindPredefinedNames(Tokens &Body, const GeneratedTokens &Gen) {
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

}  // namespace phanos
