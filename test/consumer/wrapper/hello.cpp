// Compiled and linked by phanos-clang++ in one step (test/consumer).
#include <phanos/phanos.hpp>

#include <iostream>
#include <memory>

// In the global namespace: the item is the file's stem, "hello".
[[phanos::profile]] int square(int x) { return x * x; }

[[phanos::profile]] int sum_of_squares(int n) {
  int sum = 0;
  for (int i = 1; i <= n; ++i) sum += square(i);
  return sum;
}

int main() {
  phanos::Config config;
  config.job = "hello";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));

  const int result = sum_of_squares(2);
  std::cout << "sum_of_squares(2) = " << result << std::endl;
}
