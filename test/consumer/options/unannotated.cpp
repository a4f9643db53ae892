// No [[phanos::profile]] anywhere: phanos_instrument(... INSTRUMENT_FILES ...)
// profiles this file's functions all the same (test/consumer/options.cmake).
#include <phanos/phanos.hpp>

#include <iostream>
#include <memory>

int square(int x) { return x * x; }

int sum_of_squares(int n) {
  int sum = 0;
  for (int i = 1; i <= n; ++i) sum += square(i);
  return sum;
}

int main() {
  phanos::Config config;
  config.job = "unannotated";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));

  const int result = sum_of_squares(2);
  std::cout << "sum_of_squares(2) = " << result << std::endl;
}
