#include "handler_classes.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

#include "components.hpp"
#include "environment.hpp"

namespace phanos::detail {
namespace {

// Python configs name a class by its module path; both modules that held
// the handlers over phanos' versions are accepted, and the bare name.
constexpr std::string_view python_modules[] = {"phanos.publisher.", "phanos.handlers."};

std::string_view short_name(std::string_view class_name) {
  for (std::string_view module : python_modules) {
    if (class_name.substr(0, module.size()) == module) return class_name.substr(module.size());
  }
  return class_name;
}

// Libraries load, and dict configs are read, from any thread.
std::mutex classes_lock;

// Never destroyed: a dict config may be read during static destruction.
std::vector<HandlerClass>& known_classes() {
  static auto* classes = new std::vector<HandlerClass>{{"StreamHandler", stream_handler_builder}};
  return *classes;
}

HandlerArgsReader find_class(std::string_view name) {
  std::lock_guard<std::mutex> lock(classes_lock);
  const std::vector<HandlerClass>& classes = known_classes();
  const auto found =
      std::find_if(classes.begin(), classes.end(), [&](const HandlerClass& known) { return known.name == name; });
  return found == classes.end() ? nullptr : found->read_args;
}

}  // namespace

void register_component(std::string_view component, std::initializer_list<HandlerClass> classes) noexcept {
  try {
    std::lock_guard<std::mutex> lock(classes_lock);
    known_classes().insert(known_classes().end(), classes.begin(), classes.end());
  } catch (...) {
    // Out of memory: these classes stay unknown.
  }
  component_loaded(component);
  apply_environment_config_when_ready();
}

HandlerBuilder handler_builder(ConfigObject& handler_config) {
  const std::string class_name = handler_config.required_string("class");
  const std::string_view name = short_name(class_name);
  const std::string path = handler_config.path_of("class");
  if (const HandlerArgsReader read_args = find_class(name)) return read_args(handler_config);
  const std::string_view component = component_of_class(name);
  if (!component.empty()) reject(path, "class " + describe(class_name) + " is in " + not_linked_component(component));
  reject(path, "unknown handler class " + describe(class_name));
}

}  // namespace phanos::detail
