#include "AnnotatedDeclarations.h"

#include "Warnings.h"

namespace phanos {

using namespace clang;

namespace {
llvm::SmallVector<const FunctionDecl *, 16> WithoutBody;
// Attributes are handled before a definition is linked to its earlier
// declarations, so canonical declarations are only compared at the end.
llvm::SmallVector<const FunctionDecl *, 32> Instrumented;
}  // namespace

void AnnotatedDeclarations::declaredWithoutBody(const FunctionDecl &FD) { WithoutBody.push_back(&FD); }

void AnnotatedDeclarations::instrumented(const FunctionDecl &FD) { Instrumented.push_back(&FD); }

void AnnotatedDeclarations::reportUninstrumented(Sema &S) {
  llvm::SmallPtrSet<const FunctionDecl *, 32> InstrumentedCanonical;
  for (const FunctionDecl *FD : Instrumented) InstrumentedCanonical.insert(FD->getCanonicalDecl());
  for (const FunctionDecl *FD : WithoutBody) {
    if (InstrumentedCanonical.count(FD->getCanonicalDecl())) continue;
    if (const FunctionDecl *Definition = FD->getDefinition())
      warnings::notInstrumented(S, Definition->getLocation(), *Definition,
                                "its definition does not repeat [[phanos::profile]]; the attribute takes "
                                "effect where the body is");
    else if (FD->isPure())
      warnings::notInstrumented(S, FD->getLocation(), *FD,
                                "it is pure virtual here; put [[phanos::profile]] on the definitions that "
                                "override or implement it");
    else
      warnings::notInstrumented(S, FD->getLocation(), *FD,
                                "it has no body in this translation unit; put [[phanos::profile]] on its "
                                "definition");
  }
  WithoutBody.clear();
  Instrumented.clear();
}

}  // namespace phanos
