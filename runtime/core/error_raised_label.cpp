#include "error_raised_label.hpp"

namespace phanos::detail {

void set_error_raised(Labels& labels, bool raised) {
  const char* value = raised ? "true" : "false";
  for (auto& [name, label_value] : labels) {
    if (name == error_raised_label_name) {
      label_value = value;
      return;
    }
  }
  labels.emplace_back(error_raised_label_name, value);
}

}  // namespace phanos::detail
