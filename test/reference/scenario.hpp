#pragma once
// What gen_reference.py's run() does, for the C++ scenario programs: reset
// the profiler, configure it with dict_config (the scenario's JSON is
// Python's dict, spelled as JSON), add a StreamHandler "text" and a capture
// handler "capture", let the scenario add its metrics and hooks, run its
// body, and write what both handlers received for compare.py:
//
//   OUT_DIR/text.txt    the StreamHandler's text, plus "# program raised X"
//   OUT_DIR/calls.txt   two lines per handle() call of "capture": the
//                       profiler (metric) name, then to_json(records)
//                       (JSON escapes newlines, so the wire is one line)

#include <phanos/phanos.hpp>

#include <cxxabi.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

namespace reference {

// Python's Capture: keeps every handle() call, with the wire bytes.
class Capture : public phanos::Handler {
 public:
  using Handler::Handler;
  struct Call {
    std::string profiler;
    std::string wire;
  };
  void handle(const std::vector<phanos::Record>& records, std::string_view profiler_name) override {
    calls.push_back({std::string(profiler_name), phanos::to_json(records)});
  }
  std::vector<Call> calls;  // the scenarios are single-threaded
};

// type(e).__name__ for the scenario's exception types (declared in the
// global namespace under Python's names, e.g. ValueError).
inline std::string type_name(const std::type_info& type) {
  int status = 0;
  char* demangled = abi::__cxa_demangle(type.name(), nullptr, nullptr, &status);
  std::string name = status == 0 ? demangled : type.name();
  std::free(demangled);
  return name;
}

// A check inside a scenario (e.g. an operation's return value); a failed
// one makes the program, and so the test, fail.
inline bool& failed() {
  static bool value = false;
  return value;
}
inline void expect(bool condition, const char* what) {
  if (condition) return;
  std::cerr << "check failed: " << what << "\n";
  failed() = true;
}

// Which handlers run() adds: run()'s two, or, for the RabbitMQ scenario
// (whose ImpProfHandler "rabbit" comes in a later version), only a capture
// handler named "rabbit" standing in for it: one handle() call is one message.
enum class Handlers { text_and_capture, rabbit_stand_in };

// main() of a scenario program: `program OUT_DIR`.
inline int run(int argc, char** argv, std::string_view dict_config, const std::function<void(phanos::Profiler&)>& setup,
               const std::function<void()>& body, Handlers handlers = Handlers::text_and_capture) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " OUT_DIR\n";
    return 2;
  }
  const std::string out_dir = argv[1];

  phanos::Profiler& p = phanos::profiler();
  p.delete_handlers();
  p.delete_metrics(true, true);
  p.clear();
  p.before_func = nullptr;
  p.before_root_func = nullptr;
  p.after_func = nullptr;
  p.after_root_func = nullptr;
  std::ostringstream text;
  p.dict_config(dict_config);
  const bool rabbit = handlers == Handlers::rabbit_stand_in;
  if (!rabbit) p.add_handler(std::make_shared<phanos::StreamHandler>("text", text));
  auto capture = std::make_shared<Capture>(rabbit ? "rabbit" : "capture");
  p.add_handler(capture);
  if (setup) setup(p);
  try {
    body();
  } catch (const std::exception& e) {
    text << "# program raised " << type_name(typeid(e)) << "\n";
  }

  std::ofstream(out_dir + "/text.txt", std::ios::binary) << text.str();
  std::ofstream calls(out_dir + "/calls.txt", std::ios::binary);
  for (const Capture::Call& call : capture->calls) calls << call.profiler << "\n" << call.wire << "\n";
  calls.close();
  if (!calls) {
    std::cerr << "cannot write " << out_dir << "/calls.txt\n";
    return 1;
  }
  return failed() ? 1 : 0;
}

// run()'s configuration when a scenario gives none.
inline constexpr std::string_view default_config =
    R"({"job": "EXAMPLE", "time_profile": true, "error_raised_label": true, "handlers": {}})";

}  // namespace reference
