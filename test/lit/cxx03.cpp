// Before C++11 the generated code cannot compile (it needs lambdas), so
// nothing is instrumented: each annotation says why, and the program builds
// and runs unprofiled.
// RUN: %phanos_cxx -std=c++03 -Xclang -verify %s %phanos_link -o %t
// RUN: %t

// expected-warning@+1 {{[[phanos::profile]] ignored on 'old_style': phanos needs C++11 or later}}
__attribute__((phanos_profile)) int old_style() { return 1; }

int main() { return old_style() - 1; }
