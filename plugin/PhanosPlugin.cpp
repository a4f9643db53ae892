// The plugin's entry points: the attribute, and a front-end action that
// watches the parser's position and checks annotations at the end of the
// translation unit.

#include "AnnotatedDeclarations.h"
#include "ParserPosition.h"
#include "PluginOptions.h"
#include "ProfileAttribute.h"
#include "RuntimeHeader.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

namespace phanos {
namespace {

using namespace clang;

class EndOfTranslationUnitCheck : public ASTConsumer {
 public:
  explicit EndOfTranslationUnitCheck(CompilerInstance &CI) : CI(CI) {}
  void HandleTranslationUnit(ASTContext &) override {
    if (CI.hasSema()) AnnotatedDeclarations::reportUninstrumented(CI.getSema());
  }

 private:
  CompilerInstance &CI;
};

class PhanosAction : public PluginASTAction {
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    if (PluginOptions::current().Off) return std::make_unique<ASTConsumer>();
    Preprocessor &PP = CI.getPreprocessor();
    ParserPosition::watch(PP);
    RuntimeHeader::includeIfMainFileIsAnnotated(PP);
    return std::make_unique<EndOfTranslationUnitCheck>(CI);
  }
  bool ParseArgs(const CompilerInstance &CI, const std::vector<std::string> &Args) override {
    return PluginOptions::parse(CI, Args);
  }
  ActionType getActionType() override { return AddBeforeMainAction; }
};

}  // namespace
}  // namespace phanos

static clang::ParsedAttrInfoRegistry::Add<phanos::ProfileAttribute> Attribute("phanos_profile",
                                                                             "[[phanos::profile]]");
static clang::FrontendPluginRegistry::Add<phanos::PhanosAction> Action("phanos", "profile annotated functions");
