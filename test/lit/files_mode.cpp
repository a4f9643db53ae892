// Files mode: -fplugin-arg-phanos-instrument-files=REGEX instruments every
// function defined in a file whose path matches, as if it were annotated.
// Definitions it leaves alone (too few statements, excluded by name, lambdas,
// what an annotation would be warned about) get no diagnostic at all, and a
// remark naming why with -fplugin-arg-phanos-verbose. Files that do not match
// (untouched.hpp) and system headers are never touched.
// RUN: %phanos_cxx -I%S/Inputs/files_mode -fplugin-arg-phanos-instrument-files='files_mode(\.cpp|/geometry\.hpp)$' -fplugin-arg-phanos-exclude-functions='^geometry::ignored_' -fplugin-arg-phanos-verbose -fsyntax-only -Xclang -verify %s
// RUN: %phanos_cxx -I%S/Inputs/files_mode -fplugin-arg-phanos-instrument-files='files_mode(\.cpp|/geometry\.hpp)$' -fplugin-arg-phanos-exclude-functions='^geometry::ignored_' %s %phanos_link -o %t 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET --implicit-check-not=warning: --implicit-check-not=remark:
// RUN: env PHANOS_CONFIG=%S/Inputs/stream_to_stdout.json %t | FileCheck %s
// QUIET-NOT: {{.}}

// expected-remark@Inputs/files_mode/geometry.hpp:11 {{[[phanos::profile]] ignored on 'add': it has 1 statement, fewer than min-statements=2}}
// expected-remark@Inputs/files_mode/geometry.hpp:12 {{[[phanos::profile]] ignored on 'size': it has 1 statement, fewer than min-statements=2}}
// expected-remark@Inputs/files_mode/geometry.hpp:14 {{[[phanos::profile]] instruments 'perimeter' (item 'Polygon', name 'perimeter')}}
// expected-remark@Inputs/files_mode/geometry.hpp:21 {{[[phanos::profile]] instruments 'scaled_perimeter' (item 'Polygon', name 'scaled_perimeter')}}
// expected-remark@Inputs/files_mode/geometry.hpp:31 {{[[phanos::profile]] instruments 'side' (item 'Polygon', name 'side')}}
#include "geometry.hpp"
#include "untouched.hpp"

#include <cstdio>
#include <stdexcept>

namespace geometry {

// expected-remark@+1 {{[[phanos::profile]] instruments 'area' (item 'geometry', name 'area')}}
double area(const Polygon& polygon) {
  if (polygon.size() < 3) throw std::invalid_argument("not a polygon");
  return 0.5 * polygon.perimeter();
}

// expected-remark@+1 {{[[phanos::profile]] ignored on 'ignored_helper': its qualified name matches exclude-functions}}
int ignored_helper(int n) {
  int m = n + 1;
  return m;
}

// expected-remark@+1 {{[[phanos::profile]] ignored on 'log_line': it is a C variadic function ('...'); va_start cannot run in the instrumented body}}
int log_line(const char* format, ...) {
  int length = format != nullptr;
  return length;
}

// expected-remark@+1 {{[[phanos::profile]] ignored on 'quiet': it is marked no_instrument_function}}
__attribute__((no_instrument_function)) int quiet(int n) {
  int m = n;
  return m;
}

// Annotated: instrumented once, as without files mode.
// expected-remark@+1 {{[[phanos::profile]] instruments 'annotated' (item 'geometry', name 'annotated')}}
[[phanos::profile]] int annotated(int n) { return n; }

}  // namespace geometry

// expected-remark@+1 {{[[phanos::profile]] instruments 'main' (item 'files_mode', name 'main')}}
int main() {
  geometry::Polygon square;
  square.add(0, 0);
  square.add(0, 1);
  square.add(1, 1);
  square.add(1, 0);
  // expected-remark@+1 {{[[phanos::profile]] ignored on 'operator()': it is a lambda; files mode profiles named functions}}
  const double doubled = square.scaled_perimeter([](double p) { return 2 * p; });
  double half = 0;
  try {
    geometry::area(geometry::Polygon());
  } catch (const std::invalid_argument&) {
    half = geometry::area(square);
  }
  std::printf("%g %g %d %d %d %d\n", doubled, half, untouched_twice(2), geometry::ignored_helper(1),
              geometry::log_line("x"), geometry::quiet(1) + geometry::annotated(1));
  return 0;
}
// Everything runs under main, the root, so the records come when main
// returns; a child's record comes before its parent's.
// CHECK: 8 2 4 2 1 2
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.scaled_perimeter.perimeter.side, value: {{.*}} mS
// CHECK-COUNT-3: profiler: time_profiler, method: files_mode:main.scaled_perimeter.perimeter.side, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.scaled_perimeter.perimeter, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.scaled_perimeter, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.area, value: {{.*}} mS
// CHECK-COUNT-4: profiler: time_profiler, method: files_mode:main.area.perimeter.side, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.area.perimeter, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.area, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main.annotated, value: {{.*}} mS
// CHECK-NEXT: profiler: time_profiler, method: files_mode:main, value: {{.*}} mS
