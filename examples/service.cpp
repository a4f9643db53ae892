// An example service for the whole pipeline (`bash scripts/demo.sh
// --pipeline`): a shop that takes orders for a while, every call profiled
// and published through ImpProfHandler to RabbitMQ, where phanos-collector
// picks the records up. About one order in ten is declined (an exception),
// so the error_raised label has something to show.
//
// Usage: phanos_example_service RABBIT_PORT JOB SECONDS

#include <phanos/rabbitmq.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>
#include <stdexcept>
#include <thread>

namespace {

std::mt19937 random_numbers{16};

// Up to `most` milliseconds: calls that differ, as real ones do.
void work_up_to(int most) {
  std::uniform_int_distribution<int> microseconds(100, most * 1000);
  std::this_thread::sleep_for(std::chrono::microseconds(microseconds(random_numbers)));
}

}  // namespace

struct Shop {
  [[phanos::profile]] void look_up_stock() { work_up_to(2); }
  [[phanos::profile]] void validate() {
    look_up_stock();
    work_up_to(1);
  }
  [[phanos::profile]] void charge(bool declined) {
    work_up_to(8);
    if (declined) throw std::runtime_error("card declined");
  }
  [[phanos::profile]] void pack() { work_up_to(4); }
  [[phanos::profile]] void ship() {
    pack();
    work_up_to(2);
  }
  [[phanos::profile]] void checkout(bool declined) {
    validate();
    charge(declined);
    ship();
  }
  [[phanos::profile]] void search() { work_up_to(6); }
};

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: phanos_example_service RABBIT_PORT JOB SECONDS\n";
    return 2;
  }
  phanos::Config config;
  config.job = argv[2];
  config.error_raised_label = true;
  phanos::profiler().config(config);
  phanos::RabbitParams params;
  params.port = std::atoi(argv[1]);
  phanos::profiler().add_handler(std::make_shared<phanos::ImpProfHandler>("rabbit", params));

  Shop shop;
  int orders = 0, declined = 0, searches = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[3]));
  while (std::chrono::steady_clock::now() < until) {
    shop.search();
    ++searches;
    if (searches % 3 != 0) continue;  // one search in three ends in an order
    try {
      ++orders;
      shop.checkout(/*declined=*/orders % 10 == 0);
    } catch (const std::runtime_error&) {
      ++declined;
    }
  }
  std::cout << "phanos_example_service: " << searches << " searches, " << orders << " orders, " << declined
            << " declined\n";
}
