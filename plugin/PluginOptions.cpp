#include "PluginOptions.h"

#include <tuple>

namespace phanos {

namespace {

PluginOptions Current;

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
  if (Value.empty())
    Problem = "it is empty";
  else if (!Regex->isValid(Problem))
    Problem = "it is not a valid regular expression: " + Problem;
  if (!Problem.empty())
    return error(
        CI, ("phanos plugin argument " + Name + " (-fplugin-arg-phanos-" + Name + "=" + Value + "): " + Problem).str());
  Into = std::move(Regex);
  return true;
}

// One argument: its name, what its value is (empty for a switch), what it
// does (for help), and how it changes the options; false after an error.
struct Argument {
  llvm::StringRef Name;
  llvm::StringRef Value;
  std::string Meaning;
  bool (*Apply)(const clang::CompilerInstance &CI, llvm::StringRef Value, PluginOptions &Into);

  std::string spelling() const { return Value.empty() ? Name.str() : (Name + "=" + Value).str(); }
};

void listArguments(const clang::CompilerInstance &CI);

const std::vector<Argument> &arguments() {
  static const std::vector<Argument> All = {
      {"verbose", "", "a remark per function instrumented or skipped",
       [](const clang::CompilerInstance &, llvm::StringRef, PluginOptions &Into) {
         Into.Verbose = true;
         return true;
       }},
      {"off", "", "nothing is instrumented",
       [](const clang::CompilerInstance &, llvm::StringRef, PluginOptions &Into) {
         Into.Off = true;
         return true;
       }},
      {"instrument-files", "REGEX", "instrument every function defined in a file whose path matches",
       [](const clang::CompilerInstance &CI, llvm::StringRef Value, PluginOptions &Into) {
         return parseRegex(CI, "instrument-files", Value, Into.InstrumentFiles);
       }},
      {"exclude-functions", "REGEX", "leave alone functions whose qualified name matches",
       [](const clang::CompilerInstance &CI, llvm::StringRef Value, PluginOptions &Into) {
         return parseRegex(CI, "exclude-functions", Value, Into.ExcludeFunctions);
       }},
      {"min-statements", "N",
       "files mode: leave alone functions of fewer statements; default " +
           std::to_string(PluginOptions::DefaultMinStatements),
       [](const clang::CompilerInstance &CI, llvm::StringRef Value, PluginOptions &Into) {
         if (!Value.getAsInteger(10, Into.MinStatements)) return true;
         return error(CI, ("phanos plugin argument min-statements (-fplugin-arg-phanos-min-statements=" + Value +
                           "): expected a number of statements, got '" + Value + "'")
                              .str());
       }},
      {"help", "", "this list",
       [](const clang::CompilerInstance &CI, llvm::StringRef, PluginOptions &) {
         listArguments(CI);
         return true;
       }},
  };
  return All;
}

void listArguments(const clang::CompilerInstance &CI) {
  std::string List;
  for (const Argument &Known : arguments())
    List += (List.empty() ? "" : ", ") + Known.spelling() + " (" + Known.Meaning + ")";
  clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
  Diags.Report(
      Diags.getCustomDiagID(clang::DiagnosticsEngine::Remark, "phanos plugin arguments (-fplugin-arg-phanos-ARG): %0"))
      << List;
}

bool unknown(const clang::CompilerInstance &CI, llvm::StringRef Arg) {
  std::string List;
  for (const Argument &Known : arguments()) List += (List.empty() ? "" : ", ") + Known.spelling();
  return error(
      CI, ("unknown phanos plugin argument '" + Arg + "' (-fplugin-arg-phanos-" + Arg + "); known: " + List).str());
}

}  // namespace

const PluginOptions &PluginOptions::current() { return Current; }

bool PluginOptions::parse(const clang::CompilerInstance &CI, const std::vector<std::string> &Args) {
  PluginOptions Parsed;
  for (const std::string &Arg : Args) {
    llvm::StringRef Name, Value;
    std::tie(Name, Value) = llvm::StringRef(Arg).split('=');
    bool HasValue = llvm::StringRef(Arg).contains('=');
    const std::vector<Argument> &All = arguments();
    auto Known = llvm::find_if(All, [&](const Argument &A) { return A.Name == Name; });
    if (Known == All.end() || (HasValue && Known->Value.empty())) return unknown(CI, Arg);
    if (!HasValue && !Known->Value.empty())
      return error(
          CI, ("phanos plugin argument " + Name + " needs a value: -fplugin-arg-phanos-" + Known->spelling()).str());
    if (!Known->Apply(CI, Value, Parsed)) return false;
  }
  Current = Parsed;
  return true;
}

}  // namespace phanos
