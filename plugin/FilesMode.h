#pragma once
// Files mode (-fplugin-arg-phanos-instrument-files=REGEX): every function
// definition in a file whose path matches goes through the attribute's
// handler as if it carried [[phanos::profile]]. Clang's own way of giving
// every declaration an attribute is `#pragma clang attribute push(...,
// apply_to = function)`; the plugin pushes such an entry onto Sema's stack
// before the first declaration and takes it off when the parser reaches the
// main file's end (before Sema would report an unterminated push). It is
// pushed in a namespace of its own, so no `#pragma clang attribute pop` of
// the user's meets it.

#include "clang/AST/Decl.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

#include <string>

namespace phanos {

class FilesMode {
 public:
  static void begin(clang::Sema &S);
  static void end(clang::Sema &S);

  // Whether the attribute handler is called by files mode (not by an
  // annotation, nor by a `#pragma clang attribute` of the user's).
  static bool isApplying(const clang::ParsedAttr &Attr);

  enum class Choice {
    Instrument,
    Ignore,  // not files mode's to instrument: nothing to say
    Skip,    // left alone for a reason a verbose build names
  };
  struct Selection {
    Choice What;
    std::string Reason;  // why it is skipped
  };
  // Before the body is read: whether files mode instruments this definition.
  static Selection select(const clang::Sema &S, const clang::FunctionDecl &FD);
};

}  // namespace phanos
