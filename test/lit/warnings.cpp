// Every declaration the plugin cannot instrument gets a warning naming why.
// RUN: %phanos_cxx -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -fsyntax-only %s 2>&1 | FileCheck %s

struct Shape {
  // expected-warning@+1 {{[[phanos::profile]] ignored on 'Shape': it is defaulted, so it has no body to instrument}}
  [[phanos::profile]] Shape() = default;
  // expected-warning@+1 {{[[phanos::profile]] ignored on 'Shape': it is deleted, so it has no body to instrument}}
  [[phanos::profile]] Shape(const Shape&) = delete;
  // expected-warning@+1 {{[[phanos::profile]] ignored on 'area': it is pure virtual here; put [[phanos::profile]] on the definitions that override or implement it}}
  [[phanos::profile]] virtual double area() const = 0;
  // expected-warning@+1 {{[[phanos::profile]] ignored on 'name': it has no body in this translation unit; put [[phanos::profile]] on its definition}}
  [[phanos::profile]] const char* name() const;
  [[phanos::profile]] int sides() const;
  virtual ~Shape() = default;
};

// expected-warning@+1 {{[[phanos::profile]] ignored on 'sides': its definition does not repeat [[phanos::profile]]; the attribute takes effect where the body is}}
int Shape::sides() const { return 0; }

// expected-warning@+1 {{[[phanos::profile]] ignored on 'log_line': it is a C variadic function ('...'); va_start cannot run in the instrumented body}}
[[phanos::profile]] int log_line(const char* format, ...) { return format != nullptr; }

// expected-warning@+1 {{[[phanos::profile]] ignored on 'depth': it is constexpr, recursive and has a deduced return type}}
[[phanos::profile]] constexpr auto depth(int n) {
  if (n == 0) return 0;
  return 1 + depth(n - 1);
}

// expected-warning@+1 {{[[phanos::profile]] ignored: it applies to function definitions only}}
[[phanos::profile]] int not_a_function = 3;

// CHECK: warnings.cpp:7:5: warning: {{\[\[}}phanos::profile]] ignored on 'Shape': it is defaulted
