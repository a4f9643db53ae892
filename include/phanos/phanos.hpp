#pragma once
// Everything a program using phanos' core (phanos::runtime) needs. The
// components' handlers have umbrella headers of their own: phanos/spdlog.hpp,
// phanos/rabbitmq.hpp (README.md, "Components").

#include "phanos/call.hpp"
#include "phanos/config.hpp"
#include "phanos/detail/invoke.hpp"
#include "phanos/format.hpp"
#include "phanos/handler.hpp"
#include "phanos/handlers/stream_handler.hpp"
#include "phanos/hook.hpp"
#include "phanos/labels.hpp"
#include "phanos/metric.hpp"
#include "phanos/metrics/counter.hpp"
#include "phanos/metrics/enum.hpp"
#include "phanos/metrics/gauge.hpp"
#include "phanos/metrics/histogram.hpp"
#include "phanos/metrics/info.hpp"
#include "phanos/metrics/response_size.hpp"
#include "phanos/metrics/summary.hpp"
#include "phanos/metrics/time_profiler.hpp"
#include "phanos/profiler.hpp"
#include "phanos/record.hpp"
#include "phanos/result_size.hpp"
