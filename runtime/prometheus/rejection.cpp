#include "rejection.hpp"

namespace phanos::prometheus {

const char* to_string(RejectReason reason) {
  switch (reason) {
    case RejectReason::not_json:
      return "not_json";
    case RejectReason::not_a_list:
      return "not_a_list";
    case RejectReason::wrong_shape:
      return "wrong_shape";
    case RejectReason::unknown_metric_type:
      return "unknown_metric_type";
    case RejectReason::bad_value:
      return "bad_value";
    case RejectReason::too_large:
      return "too_large";
    case RejectReason::type_conflict:
      return "type_conflict";
    case RejectReason::too_many_metrics:
      return "too_many_metrics";
  }
  return "unknown";
}

}  // namespace phanos::prometheus
