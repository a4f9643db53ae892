#include "handler_classes.hpp"

#include <algorithm>
#include <iterator>

#include "handler_factories.hpp"

namespace phanos::detail {
namespace {

struct HandlerClass {
  std::string_view name;
  HandlerBuilder (*read_args)(ConfigObject& args);
};

constexpr HandlerClass handler_classes[] = {
    {"StreamHandler", stream_handler_builder},
    {"LoggerHandler", logger_handler_builder},
    {"NamedLoggerHandler", named_logger_handler_builder},
    {"ImpProfHandler", imp_prof_handler_builder},
    {"AsyncImpProfHandler", async_imp_prof_handler_builder},
};

// Python configs name a class by its module path; both modules that held
// the handlers over phanos' versions are accepted, and the bare name.
constexpr std::string_view python_modules[] = {"phanos.publisher.", "phanos.handlers."};

std::string_view short_name(std::string_view class_name) {
  for (std::string_view module : python_modules) {
    if (class_name.substr(0, module.size()) == module) return class_name.substr(module.size());
  }
  return class_name;
}

}  // namespace

HandlerBuilder handler_builder(ConfigObject& handler_config) {
  const std::string class_name = handler_config.required_string("class");
  const std::string_view name = short_name(class_name);
  const auto found = std::find_if(std::begin(handler_classes), std::end(handler_classes),
                                  [&](const HandlerClass& known) { return known.name == name; });
  const std::string path = handler_config.path_of("class");
  if (found == std::end(handler_classes)) reject(path, "unknown handler class " + describe(class_name));
  return found->read_args(handler_config);
}

}  // namespace phanos::detail
