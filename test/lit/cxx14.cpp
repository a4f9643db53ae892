// Before C++17 the generated code cannot compile, so nothing is instrumented:
// each annotation says why, and the program builds and runs unprofiled.
// RUN: %phanos_cxx -std=c++14 -fsyntax-only -Xclang -verify %s

// expected-warning@+1 {{[[phanos::profile]] ignored on 'old_style': phanos needs C++17 or later}}
[[phanos::profile]] int old_style() { return 1; }

int main() { return old_style() - 1; }
