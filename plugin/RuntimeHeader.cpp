#include "RuntimeHeader.h"

#include "PluginOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

namespace phanos {

using namespace clang;

void RuntimeHeader::includeWhereNeeded(Preprocessor &PP) {
  if (!PP.getLangOpts().CPlusPlus11) return;  // the header needs it; annotations are reported instead
  const SourceManager &SM = PP.getSourceManager();
  StringRef Text = SM.getBufferData(SM.getMainFileID());
  if (!PluginOptions::current().filesMode() && !Text.contains("phanos::profile") && !Text.contains("phanos_profile"))
    return;
  PP.setPredefines(PP.getPredefines() + "\n#include <" + Path.str() + ">\n");
}

namespace {
const DeclContext *lookupNamespace(const DeclContext &In, ASTContext &Ctx, StringRef Name) {
  for (const NamedDecl *D : In.lookup(&Ctx.Idents.get(Name)))
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(D)) return Namespace;
  return nullptr;
}
}  // namespace

bool RuntimeHeader::isVisible(Sema &S) {
  ASTContext &Ctx = S.Context;
  const DeclContext *Phanos = lookupNamespace(*Ctx.getTranslationUnitDecl(), Ctx, "phanos");
  const DeclContext *Detail = Phanos ? lookupNamespace(*Phanos, Ctx, "detail") : nullptr;
  return Detail && !Detail->lookup(&Ctx.Idents.get("invoke")).empty();
}

}  // namespace phanos
