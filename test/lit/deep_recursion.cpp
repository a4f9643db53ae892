// A call path names at most 32 calls (docs/runtime-limits.md): deeper, it
// keeps the 30 outermost, "[...]" for the calls in between and the call's
// own name. A recursion 2,000 deep therefore makes records of at most 32
// names, and 34 distinct call paths instead of 2,003 ever longer ones.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not warning:
// expected-no-diagnostics

#include "profile_to_stdout.hpp"

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <set>
#include <string>

[[phanos::profile]] int leaf() { return 1; }
[[phanos::profile]] int eval(int depth) { return depth == 0 ? leaf() : 1 + eval(depth - 1); }
[[phanos::profile]] int parse(int depth) { return eval(depth); }

// What a recursion too deep to print makes: how many records, how many
// distinct methods, and the most names in one.
class Summary : public phanos::Handler {
 public:
  // "[...]" is one name.
  static std::size_t names_in(std::string method) {
    if (const std::size_t elided = method.find("[...]"); elided != std::string::npos) method.replace(elided, 5, "~");
    return static_cast<std::size_t>(std::count(method.begin(), method.end(), '.')) + 1;
  }

  using Handler::Handler;
  void handle(const std::vector<phanos::Record>& records, std::string_view) override {
    for (const phanos::Record& record : records) {
      ++records_;
      methods_.insert(record.method);
      most_names_ = std::max(most_names_, names_in(record.method));
    }
  }
  void print() const {
    std::cout << "records: " << records_ << ", methods: " << methods_.size() << ", most names: " << most_names_
              << "\n";
  }

 private:
  std::size_t records_ = 0;
  std::set<std::string> methods_;
  std::size_t most_names_ = 0;
};

int main() {
  profile_to_stdout();

  // parse, 30 evals and leaf: 32 names, each record's path in full.
  parse(29);
  // CHECK: method: deep_recursion:parse{{(\.eval){30}\.leaf}}, value:
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){30},}} value:
  // CHECK-COUNT-29: method: deep_recursion:parse{{(\.eval)*}}, value:
  // CHECK-NEXT: method: deep_recursion:parse, value:

  // One eval more: leaf would be the 33rd name. Its path keeps parse and 29
  // evals, then "[...]" for the 31st eval, then its own name.
  parse(30);
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){29}\.}}[...].leaf, value:
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){31},}} value:
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){30},}} value:

  // Calls as deep or deeper share one path per function, whatever the depth.
  phanos::profiler().delete_handler("stdout");
  auto summary = std::make_shared<Summary>("summary");
  phanos::profiler().add_handler(summary);
  parse(2000);
  summary->print();
  // parse, 2,001 evals and leaf: 2,003 records; 32 full paths (parse alone
  // and with 1 to 31 evals), "[...].eval" and "[...].leaf".
  // CHECK: records: 2003, methods: 34, most names: 32
  phanos::profiler().delete_handler("summary");
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("stdout"));
  // Two more evals: "[...]" stands for 2, 3 and 4 of them.
  parse(32);
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){29}\.}}[...].leaf, value:
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){29}\.}}[...].eval, value:
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){29}\.}}[...].eval, value:
  // CHECK-NEXT: method: deep_recursion:parse{{(\.eval){31},}} value:
}
