#pragma once
// The plugin's arguments, -fplugin-arg-phanos-<arg>:
//   verbose  a remark at every function it instruments, naming it
//   off      the attribute is accepted and nothing is rewritten: no function
//            is instrumented, no runtime header included (the build then
//            behaves as without the plugin, without unknown-attribute warnings)
// Anything else is an error naming the argument. One compiler instance
// compiles one translation unit, so the options are process-wide.

#include "clang/Frontend/CompilerInstance.h"

#include <string>
#include <vector>

namespace phanos {

struct PluginOptions {
  bool Verbose = false;
  bool Off = false;

  static const PluginOptions &current();
  // Replaces the current options; false (after an error diagnostic) when an
  // argument is unknown.
  static bool parse(const clang::CompilerInstance &CI, const std::vector<std::string> &Args);
};

}  // namespace phanos
