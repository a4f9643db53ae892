#pragma once
// The component phanos::prometheus (libphanos_prometheus.so): a handler that
// serves the program's own records on /metrics, aggregated as
// phanos-collector does.

#include "phanos/phanos.hpp"
#include "phanos/prometheus/prometheus_handler.hpp"
