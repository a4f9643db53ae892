// The plugin's entry points: the attribute, and a front-end action that
// watches the parser's position, applies the attribute to whole files in
// files mode, and checks annotations at the end of the translation unit.

#include "AnnotatedDeclarations.h"
#include "FilesMode.h"
#include "ParserPosition.h"
#include "PluginOptions.h"
#include "ProfileAttribute.h"
#include "RuntimeHeader.h"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Sema/SemaConsumer.h"

namespace phanos {
namespace {

using namespace clang;

class PhanosConsumer : public SemaConsumer {
 public:
  void InitializeSema(Sema &S) override {
    Current = &S;
    if (PluginOptions::current().filesMode()) FilesMode::begin(S);
  }
  void ForgetSema() override { Current = nullptr; }
  // When the parser reaches the main file's end.
  void endOfMainFile() {
    if (Current && PluginOptions::current().filesMode()) FilesMode::end(*Current);
  }
  void HandleTranslationUnit(ASTContext &) override {
    if (Current) AnnotatedDeclarations::reportUninstrumented(*Current);
  }

 private:
  Sema *Current = nullptr;
};

class PhanosAction : public PluginASTAction {
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    if (PluginOptions::current().Off) return std::make_unique<ASTConsumer>();
    auto Consumer = std::make_unique<PhanosConsumer>();
    Preprocessor &PP = CI.getPreprocessor();
    ParserPosition::watch(PP, [Watched = Consumer.get()] { Watched->endOfMainFile(); });
    RuntimeHeader::includeWhereNeeded(PP);
    return Consumer;
  }
  bool ParseArgs(const CompilerInstance &CI, const std::vector<std::string> &Args) override {
    return PluginOptions::parse(CI, Args);
  }
  ActionType getActionType() override { return AddBeforeMainAction; }
};

}  // namespace
}  // namespace phanos

static clang::ParsedAttrInfoRegistry::Add<phanos::ProfileAttribute> Attribute("phanos_profile", "[[phanos::profile]]");
static clang::FrontendPluginRegistry::Add<phanos::PhanosAction> Action("phanos", "profile annotated functions");
