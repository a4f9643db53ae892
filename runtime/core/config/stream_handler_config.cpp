// StreamHandler in a dict config: {"handler_name": ..., "output": ...}.

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "handler_classes.hpp"
#include "phanos/handlers/stream_handler.hpp"

namespace phanos::detail {
namespace {

// Python resolves "ext://" values by importing the named object; these two
// are the streams a configuration can mean.
constexpr std::string_view external_prefix = "ext://";

std::ostream* external_stream(std::string_view name) {
  if (name == "sys.stdout") return &std::cout;
  if (name == "sys.stderr") return &std::cerr;
  return nullptr;
}

std::shared_ptr<std::ostream> open_for_appending(const std::string& path, const std::string& config_path) {
  errno = 0;
  auto file = std::make_shared<std::ofstream>(path, std::ios::out | std::ios::app);
  if (!file->is_open()) {
    std::string problem = "cannot open " + describe(path) + " for appending";
    if (errno != 0) problem += std::string(": ") + std::strerror(errno);
    reject(config_path, problem);
  }
  return file;
}

}  // namespace

HandlerBuilder stream_handler_builder(ConfigObject& args) {
  std::string name = args.required_string("handler_name");
  const std::string output = args.optional_string("output").value_or("ext://sys.stdout");
  const std::string output_path = args.path_of("output");
  if (output.compare(0, external_prefix.size(), external_prefix) != 0) {
    return [name, output, output_path] {
      return std::make_shared<StreamHandler>(name, open_for_appending(output, output_path));
    };
  }
  std::ostream* stream = external_stream(std::string_view(output).substr(external_prefix.size()));
  if (!stream) {
    reject(output_path, "expected \"ext://sys.stdout\", \"ext://sys.stderr\" or a file path, got " + describe(output));
  }
  return [name, stream] { return std::make_shared<StreamHandler>(name, *stream); };
}

}  // namespace phanos::detail
