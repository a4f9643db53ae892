// A program profiled only through PHANOS_CONFIG: it never configures phanos
// itself. It prints known lines and exits with code 3, so the tests can tell
// its own output and exit code from what phanos adds.

#include <iostream>
#include <string>

struct Greeter {
  [[phanos::profile]] std::string name() const { return "world"; }
  [[phanos::profile]] void greet() const { std::cout << "program: hello " << name() << "\n"; }
};

int main() {
  std::cout << "program: start\n";
  Greeter{}.greet();
  std::cout << "program: end" << std::endl;
  return 3;
}
