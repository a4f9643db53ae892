// Hooks see each call's site, its arguments (typed, by position, not
// copied) and, after it returned, its result.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s
// expected-no-diagnostics

#include <phanos/phanos.hpp>

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct Heavy {
  static inline int copies = 0;
  Heavy() = default;
  Heavy(const Heavy&) { ++copies; }
  int id = 7;
};

namespace store {
struct Basket {
  [[phanos::profile]] std::string describe(const std::string& owner, int count, const Heavy& heavy, double) {
    return owner + ":" + std::to_string(count) + ":" + std::to_string(heavy.id);
  }
  [[phanos::profile]] void fail(int code) { throw std::runtime_error(std::to_string(code)); }
};
}  // namespace store

template <class... Ts>
[[phanos::profile]] std::size_t pack(Ts... values) { return sizeof...(values); }

void show(const char* hook, const phanos::Call& call) {
  std::cout << hook << " " << call.qualified_name() << " name=" << call.name() << " item=" << call.item()
            << " line=" << call.line() << " args=" << call.arg_count();
  if (auto owner = call.arg<std::string>(0)) std::cout << " owner=" << *owner;
  if (auto count = call.arg<int>(1)) std::cout << " count=" << *count;
  if (auto heavy = call.arg<Heavy>(2)) std::cout << " heavy=" << heavy->id;
  if (call.arg<double>(3) == nullptr && call.arg_count() == 4) std::cout << " unnamed=null";
  if (call.arg<long>(1) == nullptr && call.arg_count() > 1) std::cout << " wrong-type=null";
  if (call.arg<int>(9) == nullptr) std::cout << " out-of-range=null";
  if (auto result = call.result<std::string>()) std::cout << " result=" << *result;
  if (auto result = call.result<std::size_t>()) std::cout << " result=" << *result;
  if (call.name() == "fail" && call.result<int>() == nullptr) std::cout << " no-result";
  if (auto first = call.arg<int>(0); first && call.name() == "pack") std::cout << " first=" << *first;
  std::cout << "\n";
}

int main() {
  phanos::Config config;
  config.job = "hooks";
  config.time_profile = false;
  phanos::profiler().config(config);
  phanos::profiler().add_metric(std::make_shared<phanos::Counter>("calls", "hooks", "n"));
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("null", std::cerr));
  phanos::profiler().before_func = [](const phanos::Call& call) { show("before", call); };
  phanos::profiler().after_func = [](const phanos::Call& call) { show("after", call); };

  store::Basket basket;
  Heavy heavy;
  std::string text = basket.describe("ann", 3, heavy, 1.5);
  // CHECK: before store::Basket::describe name=describe item=Basket line=24 args=4 owner=ann count=3 heavy=7 unnamed=null wrong-type=null out-of-range=null
  // CHECK-NEXT: after store::Basket::describe name=describe item=Basket line=24 args=4 owner=ann count=3 heavy=7 unnamed=null wrong-type=null out-of-range=null result=ann:3:7
  std::cout << "copies=" << Heavy::copies << "\n";
  // CHECK-NEXT: copies=0
  try {
    basket.fail(5);
  } catch (const std::runtime_error&) {
  }
  // CHECK-NEXT: before store::Basket::fail name=fail item=Basket line=27 args=1 out-of-range=null no-result
  // CHECK-NEXT: after store::Basket::fail name=fail item=Basket line=27 args=1 out-of-range=null no-result
  std::size_t three = pack(4, 'x', 2.0);
  // CHECK-NEXT: before pack name=pack item=hooks_call_view line=32 args=3 wrong-type=null out-of-range=null first=4
  // CHECK-NEXT: after pack name=pack item=hooks_call_view line=32 args=3 wrong-type=null out-of-range=null result=3 first=4
  phanos::profiler().before_func = nullptr;
  phanos::profiler().after_func = [](const phanos::Call&) { throw std::logic_error("hook failure"); };
  std::size_t none = pack();
  std::cout << "after a throwing hook: " << three << none << " " << text << "\n";
  // CHECK-NEXT: after a throwing hook: 30 ann:3:7
}
