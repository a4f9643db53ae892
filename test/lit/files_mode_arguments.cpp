// The files mode arguments: a malformed value is one error naming the
// argument and what is wrong with it; help lists every argument.
// RUN: not %phanos_cxx -fplugin-arg-phanos-instrument-files='(unclosed' -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=BAD-FILES --implicit-check-not=error:
// RUN: not %phanos_cxx -fplugin-arg-phanos-exclude-functions='a**' -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=BAD-EXCLUDE --implicit-check-not=error:
// RUN: not %phanos_cxx -fplugin-arg-phanos-instrument-files= -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=EMPTY --implicit-check-not=error:
// RUN: not %phanos_cxx -fplugin-arg-phanos-min-statements=few -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=BAD-COUNT --implicit-check-not=error:
// RUN: not %phanos_cxx -fplugin-arg-phanos-instrument-files -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=NO-VALUE --implicit-check-not=error:
// RUN: %phanos_cxx -fplugin-arg-phanos-help -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=HELP --implicit-check-not=error:
// min-statements=0 instruments one-statement bodies too; =3 leaves this one alone:
// RUN: %phanos_cxx -fplugin-arg-phanos-instrument-files=arguments -fplugin-arg-phanos-min-statements=0 -fplugin-arg-phanos-verbose -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: %phanos_cxx -fplugin-arg-phanos-instrument-files=arguments -fplugin-arg-phanos-min-statements=3 -fplugin-arg-phanos-verbose -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=THREE

// BAD-FILES: error: phanos plugin argument instrument-files (-fplugin-arg-phanos-instrument-files=(unclosed): it is not a valid regular expression: parentheses not balanced
// BAD-EXCLUDE: error: phanos plugin argument exclude-functions (-fplugin-arg-phanos-exclude-functions=a**): it is not a valid regular expression: repetition-operator operand invalid
// EMPTY: error: phanos plugin argument instrument-files (-fplugin-arg-phanos-instrument-files=): it is empty
// BAD-COUNT: error: phanos plugin argument min-statements (-fplugin-arg-phanos-min-statements=few): expected a number of statements, got 'few'
// NO-VALUE: error: phanos plugin argument instrument-files needs a value: -fplugin-arg-phanos-instrument-files=REGEX
// HELP: remark: phanos plugin arguments (-fplugin-arg-phanos-ARG): verbose {{.*}}, instrument-files=REGEX {{.*}}, exclude-functions=REGEX {{.*}}, min-statements=N {{.*}}; default 2), help (this list)

int one(int n) { return n; }
// ZERO: remark: {{\[\[}}phanos::profile]] instruments 'one'
// THREE: remark: {{\[\[}}phanos::profile]] ignored on 'one': it has 1 statement, fewer than min-statements=3
