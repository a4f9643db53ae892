#include "ProfileAttribute.h"

#include "AnnotatedDeclarations.h"
#include "BodyInstrumenter.h"
#include "PluginOptions.h"
#include "Warnings.h"

#include "clang/AST/Attr.h"
#include "clang/Sema/Sema.h"

namespace phanos {

using namespace clang;

ProfileAttribute::ProfileAttribute() {
  static constexpr Spelling Spellings[] = {
      {ParsedAttr::AS_GNU, "phanos_profile"},
      {ParsedAttr::AS_CXX11, "phanos::profile"},
  };
  this->Spellings = Spellings;
}

bool ProfileAttribute::diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr, const Decl *D) const {
  if (isa<FunctionDecl>(D)) return true;
  warnings::notAFunction(S, Attr.getLoc());
  return false;
}

ParsedAttrInfo::AttrHandling ProfileAttribute::handleDeclAttribute(Sema &S, Decl *D, const ParsedAttr &Attr) const {
  auto &FD = cast<FunctionDecl>(*D);
  const PluginOptions &Options = PluginOptions::current();
  BodyInstrumenter::Result Result = Options.Off ? BodyInstrumenter::Result{BodyInstrumenter::Outcome::Skipped, ""}
                                                : BodyInstrumenter::instrument(S, FD);
  switch (Result.What) {
    case BodyInstrumenter::Outcome::Instrumented:
      AnnotatedDeclarations::instrumented(FD);
      if (Options.Verbose) remarks::instrumented(S, Attr.getLoc(), FD);
      break;
    case BodyInstrumenter::Outcome::NoBodyHere:
      AnnotatedDeclarations::declaredWithoutBody(FD);
      break;
    case BodyInstrumenter::Outcome::Skipped:
      if (!Options.Off) warnings::notInstrumented(S, Attr.getLoc(), FD, Result.Reason);
      break;
  }
  // Keep the attribute visible in the AST (e.g. to -ast-dump) either way.
  FD.addAttr(AnnotateAttr::Create(S.Context, "phanos_profile", nullptr, 0, Attr.getRange()));
  return AttributeApplied;
}

}  // namespace phanos
