#include "PluginOptions.h"

namespace phanos {

namespace {

PluginOptions Current;

constexpr llvm::StringLiteral Known = "verbose, off, instrument-files=REGEX, exclude-functions=REGEX, min-statements=N, help";

bool error(const clang::CompilerInstance &CI, llvm::StringRef Message) {
  clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0")) << Message;
  return false;
}

// A POSIX extended regular expression, as llvm::Regex reads it.
bool parseRegex(const clang::CompilerInstance &CI, llvm::StringRef Name, llvm::StringRef Value,
                std::shared_ptr<llvm::Regex> &Into) {
  auto Regex = std::make_shared<llvm::Regex>(Value);
  std::string Problem;
  if (Value.empty()) Problem = "it is empty";
  else if (!Regex->isValid(Problem)) Problem = "it is not a valid regular expression: " + Problem;
  if (!Problem.empty())
    return error(CI, ("phanos plugin argument " + Name + " (-fplugin-arg-phanos-" + Name + "=" + Value +
                      "): " + Problem).str());
  Into = std::move(Regex);
  return true;
}

void listArguments(const clang::CompilerInstance &CI) {
  clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(
      clang::DiagnosticsEngine::Remark,
      "phanos plugin arguments (-fplugin-arg-phanos-ARG): "
      "verbose (a remark per function instrumented or skipped), "
      "off (nothing is instrumented), "
      "instrument-files=REGEX (instrument every function defined in a file whose path matches), "
      "exclude-functions=REGEX (leave alone functions whose qualified name matches), "
      "min-statements=N (files mode: leave alone functions of fewer statements; default %0), "
      "help (this list)"))
      << PluginOptions::DefaultMinStatements;
}

}  // namespace

const PluginOptions &PluginOptions::current() { return Current; }

bool PluginOptions::parse(const clang::CompilerInstance &CI, const std::vector<std::string> &Args) {
  PluginOptions Parsed;
  for (const std::string &Arg : Args) {
    auto [Name, Value] = llvm::StringRef(Arg).split('=');
    bool HasValue = llvm::StringRef(Arg).contains('=');
    if (Arg == "verbose") {
      Parsed.Verbose = true;
    } else if (Arg == "off") {
      Parsed.Off = true;
    } else if (Arg == "help") {
      listArguments(CI);
    } else if (Name == "instrument-files" && HasValue) {
      if (!parseRegex(CI, Name, Value, Parsed.InstrumentFiles)) return false;
    } else if (Name == "exclude-functions" && HasValue) {
      if (!parseRegex(CI, Name, Value, Parsed.ExcludeFunctions)) return false;
    } else if (Name == "min-statements" && HasValue) {
      if (Value.getAsInteger(10, Parsed.MinStatements))
        return error(CI, ("phanos plugin argument min-statements (-fplugin-arg-phanos-" + Arg +
                          "): expected a number of statements, got '" + Value + "'")
                             .str());
    } else if (Name == "instrument-files" || Name == "exclude-functions" || Name == "min-statements") {
      return error(CI, ("phanos plugin argument " + Name + " needs a value: -fplugin-arg-phanos-" + Name +
                        (Name == "min-statements" ? "=N" : "=REGEX"))
                           .str());
    } else {
      return error(CI, ("unknown phanos plugin argument '" + Arg + "' (-fplugin-arg-phanos-" + Arg + "); known: " +
                        Known)
                           .str());
    }
  }
  Current = Parsed;
  return true;
}

}  // namespace phanos
