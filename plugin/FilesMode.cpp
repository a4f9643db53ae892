#include "FilesMode.h"

#include "PluginOptions.h"
#include "ProfileAttribute.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>

namespace phanos {

using namespace clang;

namespace {

// The attribute files mode applies, alive for the translation unit.
struct AppliedAttribute {
  AttributeFactory Factory;
  AttributePool Pool{Factory};
  ParsedAttr *Attr = nullptr;
};
std::unique_ptr<AppliedAttribute> Applied;

constexpr llvm::StringLiteral GroupNamespace = "__phanos_files_mode";

// Whether each file's path matches instrument-files, asked once per file.
llvm::DenseMap<FileID, bool> FileMatches;

bool fileMatches(const SourceManager &SM, FileID File) {
  auto [Entry, Inserted] = FileMatches.try_emplace(File, false);
  if (Inserted)
    Entry->second = PluginOptions::current().InstrumentFiles->match(SM.getFilename(SM.getLocForStartOfFile(File)));
  return Entry->second;
}

bool isPhanosOwn(const FunctionDecl &FD) {
  for (const DeclContext *DC = FD.getDeclContext(); DC; DC = DC->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(DC))
      if (Namespace->getName() == "phanos" && Namespace->getParent()->isTranslationUnit()) return true;
  return false;
}

bool isLambda(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  return Method && Method->getParent()->isLambda();
}

// The lambda that carries an instrumented body: its tokens come from the
// preprocessor's scratch buffer (GeneratedTokens.h).
bool isGenerated(const SourceManager &SM, const FunctionDecl &FD) {
  SourceLocation Spelling = SM.getSpellingLoc(FD.getLocation());
  return FD.getLocation().isMacroID() && SM.getBufferName(Spelling) == "<scratch space>";
}

}  // namespace

void FilesMode::begin(Sema &S) {
  Applied = std::make_unique<AppliedAttribute>();
  FileMatches.clear();
  SourceManager &SM = S.getSourceManager();
  SourceLocation Start = SM.getLocForStartOfFile(SM.getMainFileID());
  Applied->Attr = Applied->Pool.create(&S.Context.Idents.get(ProfileAttribute::GnuName), SourceRange(Start), nullptr,
                                       SourceLocation(), nullptr, 0, ParsedAttr::AS_GNU);
  Applied->Attr->setIsPragmaClangAttribute();
  Sema::PragmaAttributeGroup Group;
  Group.Loc = Start;
  Group.Namespace = &S.Context.Idents.get(GroupNamespace);
  // Used, so that no "unused attribute" warning comes when it is taken off.
  Group.Entries.push_back({Start, Applied->Attr, {attr::SubjectMatchRule_function}, /*IsUsed=*/true});
  S.PragmaAttributeStack.insert(S.PragmaAttributeStack.begin(), std::move(Group));
}

void FilesMode::end(Sema &S) {
  const IdentifierInfo *Namespace = &S.Context.Idents.get(GroupNamespace);
  llvm::erase_if(S.PragmaAttributeStack,
                 [&](const Sema::PragmaAttributeGroup &Group) { return Group.Namespace == Namespace; });
}

bool FilesMode::isApplying(const ParsedAttr &Attr) { return Applied && &Attr == Applied->Attr; }

FilesMode::Selection FilesMode::select(const Sema &S, const FunctionDecl &FD) {
  const SourceManager &SM = S.getSourceManager();
  SourceLocation Where = SM.getExpansionLoc(FD.getLocation());
  if (ProfileAttribute::isAnnotated(FD) || FD.isImplicit() || Where.isInvalid() || SM.isInSystemHeader(Where) ||
      !fileMatches(SM, SM.getFileID(Where)) || isPhanosOwn(FD) || isGenerated(SM, FD))
    return {Choice::Ignore, ""};
  const PluginOptions &Options = PluginOptions::current();
  if (isLambda(FD)) return {Choice::Skip, "it is a lambda; files mode profiles named functions"};
  if (FD.hasAttr<NoInstrumentFunctionAttr>()) return {Choice::Skip, "it is marked no_instrument_function"};
  if (Options.ExcludeFunctions && Options.ExcludeFunctions->match(FD.getQualifiedNameAsString()))
    return {Choice::Skip, "its qualified name matches exclude-functions"};
  return {Choice::Instrument, ""};
}

}  // namespace phanos
