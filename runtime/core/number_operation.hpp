#pragma once
// The text a numeric operation's record carries in its `operation` field.

#include <string_view>

#include "phanos/metric.hpp"

namespace phanos::detail {

inline std::string_view operation_name(NumberOperation operation) noexcept {
  switch (operation) {
    case NumberOperation::observe:
      return "observe";
    case NumberOperation::inc:
      return "inc";
    case NumberOperation::dec:
      return "dec";
    case NumberOperation::set:
      return "set";
  }
  return "observe";  // unreachable: every enumerator is handled above
}

}  // namespace phanos::detail
