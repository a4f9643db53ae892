#include "environment.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "escaped_for_log.hpp"
#include "phanos/config.hpp"
#include "phanos/profiler.hpp"

namespace phanos::detail {
namespace {

constexpr const char* blanks = " \t\r\n";

std::string read_file(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw ConfigError(std::string("cannot read the file: ") + std::strerror(errno));
  std::string text;
  char buffer[4096];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, count);
  // A directory opens but does not read (EISDIR).
  if (std::ferror(file.get())) throw ConfigError(std::string("cannot read the file: ") + std::strerror(errno));
  return text;
}

// (What the problem quotes from the configuration is escaped where it is
// quoted, so the line stays one line.)
std::string rejected(const std::string& source, const std::string& problem) {
  return "phanos: PHANOS_CONFIG" + source + ": " + problem + "; profiling stays off";
}

}  // namespace

std::string configure_from_environment(const std::string& value) {
  const std::size_t first = value.find_first_not_of(blanks);
  if (first == std::string::npos) return "";
  const bool inline_json = value[first] == '{';
  const std::string source = inline_json ? "" : " (file \"" + escaped_for_log(value) + "\")";
  try {
    profiler().dict_config(inline_json ? value : read_file(value));
    return "";
  } catch (const std::exception& error) {
    return rejected(source, error.what());
  }
}

}  // namespace phanos::detail
