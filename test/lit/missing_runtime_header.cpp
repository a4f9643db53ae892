// An annotation in a header, seen from a main file that neither includes
// phanos nor spells the attribute itself: the plugin says what to include,
// and the program still builds and runs, unprofiled.
// RUN: %phanos_cxx -Xclang -verify %s -o %t
// RUN: %t | FileCheck %s

#include "annotated_header.hpp"
// expected-warning@annotated_header.hpp:3 {{ignored on 'helper': <phanos/detail/invoke.hpp> is not included here; include <phanos/phanos.hpp>}}

#include <cstdio>

int main() {
  std::printf("helper: %d\n", helper());
  // CHECK: helper: 1
}
