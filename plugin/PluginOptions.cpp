#include "PluginOptions.h"

namespace phanos {

namespace {
PluginOptions Current;
}  // namespace

const PluginOptions &PluginOptions::current() { return Current; }

bool PluginOptions::parse(const clang::CompilerInstance &CI, const std::vector<std::string> &Args) {
  PluginOptions Parsed;
  for (const std::string &Arg : Args) {
    if (Arg == "verbose") {
      Parsed.Verbose = true;
    } else if (Arg == "off") {
      Parsed.Off = true;
    } else {
      clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
      unsigned ID = Diags.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                          "unknown phanos plugin argument '%0' (-fplugin-arg-phanos-%0); "
                                          "known: verbose, off");
      Diags.Report(ID) << Arg;
      return false;
    }
  }
  Current = Parsed;
  return true;
}

}  // namespace phanos
