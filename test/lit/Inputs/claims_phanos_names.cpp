// Declares a name the runtime header declares too, so it compiles only where
// that header is not included (plugin_off.cpp).
// expected-no-diagnostics
namespace phanos {
using detail = int;
}
[[phanos::profile]] int answer() { return 42; }
int main() { return answer() == 42 ? 0 : 1; }
