#include "Warnings.h"

#include "SiteDescription.h"

namespace phanos::warnings {

using namespace clang;

void notInstrumented(Sema &S, SourceLocation Loc, const NamedDecl &D, StringRef Reason) {
  DiagnosticsEngine &Diags = S.getDiagnostics();
  unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "[[phanos::profile]] ignored on %0: %1");
  S.Diag(Loc, ID) << &D << Reason;
}

void notAFunction(Sema &S, SourceLocation Loc) {
  DiagnosticsEngine &Diags = S.getDiagnostics();
  unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Warning,
                                      "[[phanos::profile]] ignored: it applies to function definitions only");
  S.Diag(Loc, ID);
}

}  // namespace phanos::warnings

namespace phanos::remarks {

using namespace clang;

void instrumented(Sema &S, SourceLocation Loc, const FunctionDecl &FD) {
  const SiteDescription Site = SiteDescription::of(FD);
  DiagnosticsEngine &Diags = S.getDiagnostics();
  unsigned ID =
      Diags.getCustomDiagID(DiagnosticsEngine::Remark, "[[phanos::profile]] instruments %0 (item '%1', name '%2')");
  S.Diag(Loc, ID) << &FD << Site.Item << Site.Name;
}

void skipped(Sema &S, SourceLocation Loc, const FunctionDecl &FD, StringRef Reason) {
  DiagnosticsEngine &Diags = S.getDiagnostics();
  unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Remark, "[[phanos::profile]] ignored on %0: %1");
  S.Diag(Loc, ID) << &FD << Reason;
}

}  // namespace phanos::remarks
