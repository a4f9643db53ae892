#include "SiteDescription.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

namespace phanos {

using namespace clang;

namespace {

std::string className(const CXXRecordDecl &Class) {
  if (!Class.getName().empty()) return Class.getName().str();
  if (const TypedefNameDecl *Typedef = Class.getTypedefNameForAnonDecl()) return Typedef->getName().str();
  return "(anonymous)";
}

// The item of a record (docs/instrumenting.md, "Names in records"): a
// member's class; else the innermost named namespace that is not inline (a
// library's version namespace, `fmt::v9`, is an implementation detail its
// users never write); else the stem of the file the function is defined in.
std::string itemOf(const FunctionDecl &FD, StringRef File) {
  for (const DeclContext *DC = FD.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC)) return className(*Class);
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(DC))
      if (!Namespace->isAnonymousNamespace() && !Namespace->isInline()) return Namespace->getName().str();
  }
  return llvm::sys::path::stem(File).str();
}

}  // namespace

SiteDescription SiteDescription::of(const FunctionDecl &FD) {
  const SourceManager &SM = FD.getASTContext().getSourceManager();
  PresumedLoc Where = SM.getPresumedLoc(SM.getExpansionLoc(FD.getLocation()));
  SiteDescription Site;
  Site.Name = FD.getNameAsString();
  Site.QualifiedName = FD.getQualifiedNameAsString();
  Site.File = Where.isValid() ? Where.getFilename() : "";
  Site.Line = Where.isValid() ? Where.getLine() : 0;
  Site.Item = itemOf(FD, Site.File);
  return Site;
}

}  // namespace phanos
