#include "ProfileAttribute.h"

#include "AnnotatedDeclarations.h"
#include "BodyInstrumenter.h"
#include "FilesMode.h"
#include "PluginOptions.h"
#include "Warnings.h"

#include "clang/AST/Attr.h"
#include "clang/Sema/Sema.h"
#include "llvm/Support/SaveAndRestore.h"

namespace phanos {

using namespace clang;

namespace {

void handleAnnotation(Sema &S, FunctionDecl &FD, const ParsedAttr &Attr) {
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
  FD.addAttr(AnnotateAttr::Create(S.Context, ProfileAttribute::GnuName, nullptr, 0, Attr.getRange()));
}

// Files mode says nothing unless asked to (verbose): what it cannot
// instrument it leaves as written.
void handleInFilesMode(Sema &S, FunctionDecl &FD) {
  FilesMode::Selection Selection = FilesMode::select(S, FD);
  if (Selection.What == FilesMode::Choice::Ignore) return;
  const PluginOptions &Options = PluginOptions::current();
  // Sema would add "when applied to this declaration" to each remark.
  llvm::SaveAndRestore<const Decl *> NoPragmaNote(S.PragmaAttributeCurrentTargetDecl, nullptr);
  if (Selection.What == FilesMode::Choice::Skip) {
    if (Options.Verbose) remarks::skipped(S, FD.getLocation(), FD, Selection.Reason);
    return;
  }
  BodyInstrumenter::Result Result = BodyInstrumenter::instrument(S, FD, Options.MinStatements);
  if (!Options.Verbose) return;
  if (Result.What == BodyInstrumenter::Outcome::Instrumented) remarks::instrumented(S, FD.getLocation(), FD);
  if (Result.What == BodyInstrumenter::Outcome::Skipped) remarks::skipped(S, FD.getLocation(), FD, Result.Reason);
}

}  // namespace

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
  if (FilesMode::isApplying(Attr))
    handleInFilesMode(S, FD);
  else
    handleAnnotation(S, FD, Attr);
  return AttributeApplied;
}

bool ProfileAttribute::isAnnotated(const FunctionDecl &FD) {
  return llvm::any_of(FD.specific_attrs<AnnotateAttr>(),
                      [](const AnnotateAttr *A) { return A->getAnnotation() == GnuName; });
}

}  // namespace phanos
