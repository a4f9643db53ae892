// The config errors of gen_reference.py: configurations dict_config must
// reject. Python raises KeyError (no job) and AttributeError (unknown
// handler class); here both are phanos::ConfigError, whose message names the
// key at fault (docs/configuration.md), which compare.py checks.
//
// Writes OUT_DIR/errors.txt, three lines per configuration:
//   config <the JSON given>
//   raised <exception class, or "None">
//   message <what()>

#include <phanos/phanos.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "scenario.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " OUT_DIR\n";
    return 2;
  }
  std::ofstream out(std::string(argv[1]) + "/errors.txt", std::ios::binary);
  const char* const configs[] = {
      R"({"time_profile": true})",
      R"({"job": "x", "handlers": {"h": {"class": "phanos.publisher.NoSuchHandler", "handler_name": "h"}}})",
  };
  for (const char* config : configs) {
    out << "config " << config << "\n";
    try {
      phanos::profiler().dict_config(config);
      out << "raised None\nmessage \n";
    } catch (const std::exception& e) {
      out << "raised " << reference::type_name(typeid(e)) << "\nmessage " << e.what() << "\n";
    }
    // Nothing of a rejected configuration is applied: the profiler is still
    // unconfigured, so add_handler() refuses (Python's RuntimeError).
    bool refused = false;
    try {
      phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("text"));
    } catch (const std::runtime_error&) {
      refused = true;
    }
    reference::expect(refused, "a rejected configuration left the profiler configured");
  }
  out.close();
  return out && !reference::failed() ? 0 : 1;
}
