// A consumer of the installed phanos package (test/consumer).
#include <phanos/phanos.hpp>

#include <iostream>
#include <memory>

namespace shop {

class Widget {
 public:
  [[phanos::profile]] int step(int i) { return i * 2; }
  [[phanos::profile]] int run() {
    int sum = 0;
    for (int i = 0; i < 3; ++i) sum += step(i);
    return sum;
  }
};

[[phanos::profile]] int helper(int x) { return x + 1; }

}  // namespace shop

int main() {
  phanos::Config config;
  config.job = "consumer";
  phanos::profiler().config(config);
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));

  shop::Widget widget;
  const int run = widget.run();
  std::cout << "run() = " << run << std::endl;
  const int helped = shop::helper(41);
  std::cout << "helper(41) = " << helped << std::endl;
}
