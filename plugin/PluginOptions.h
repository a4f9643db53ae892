#pragma once
// The plugin's arguments, -fplugin-arg-phanos-<arg>:
//   verbose                   a remark at every function it instruments, and
//                             (files mode) at every definition it skips, naming why
//   off                       the attribute is accepted and nothing is rewritten: no
//                             function is instrumented, no runtime header included (the
//                             build then behaves as without the plugin, without
//                             unknown-attribute warnings)
//   instrument-files=REGEX    files mode: every function definition in a file whose path
//                             contains a match is instrumented as if it were annotated
//   exclude-functions=REGEX   files mode: definitions whose qualified name contains a
//                             match are left alone
//   min-statements=N          files mode: definitions with fewer statements are left alone
//   help                      a remark listing these
// Anything else, or a malformed value, is an error naming the argument. One
// compiler instance compiles one translation unit, so the options are
// process-wide.

#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <string>
#include <vector>

namespace phanos {

struct PluginOptions {
  // Files mode skips definitions of fewer statements: one statement is the
  // accessor, setter or forwarding call that hot code makes millions of calls
  // to, and that the optimizer would inline away; profiling each such call
  // costs tens of times what it does (see docs/using-phanos.md).
  static constexpr unsigned DefaultMinStatements = 2;

  bool Verbose = false;
  bool Off = false;
  std::shared_ptr<llvm::Regex> InstrumentFiles;  // null: annotated functions only
  std::shared_ptr<llvm::Regex> ExcludeFunctions;
  unsigned MinStatements = DefaultMinStatements;

  bool filesMode() const { return InstrumentFiles != nullptr && !Off; }

  static const PluginOptions &current();
  // Replaces the current options; false (after an error diagnostic) when an
  // argument is unknown or its value malformed.
  static bool parse(const clang::CompilerInstance &CI, const std::vector<std::string> &Args);
};

}  // namespace phanos
