#pragma once
// Why a message or a record was not aggregated. Each reason is a value of
// the label `reason` of phanos_collector_rejected_total.

#include <string>

namespace phanos::prometheus {

enum class RejectReason {
  not_json,             // the message body does not parse
  not_a_list,           // valid JSON, but not the array of records phanos sends
  wrong_shape,          // a record lacks a field or has one of the wrong type
  unknown_metric_type,  // "metric" is none of histogram, summary, counter, gauge, info, enum
  bad_value,            // an operation the type does not have, or a value it refuses
  too_large,            // over one of the RecordLimits
  type_conflict,        // its Prometheus name already belongs to a metric of another type
  too_many_metrics,     // the collector holds MetricStore's maximum of metrics already
};

inline constexpr RejectReason all_reject_reasons[] = {
    RejectReason::not_json,  RejectReason::not_a_list, RejectReason::wrong_shape,   RejectReason::unknown_metric_type,
    RejectReason::bad_value, RejectReason::too_large,  RejectReason::type_conflict, RejectReason::too_many_metrics};

const char* to_string(RejectReason reason);

struct Rejection {
  RejectReason reason;
  std::string detail;  // for the log
};

}  // namespace phanos::prometheus
