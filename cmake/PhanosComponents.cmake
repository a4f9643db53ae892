# The optional libraries of phanos, its components (README.md,
# "Components"), in one table: for each, the target that builds it (its
# imported name is phanos::<component>), its public headers (installed only
# with it), and the packages its interface needs at a consumer
# (find_dependency() in phanosConfig.cmake). The core, phanos::runtime,
# needs Threads only.
#
# Included by the build (install rules) and by the installed package
# (phanos_instrument's COMPONENTS).

include_guard(GLOBAL)

set(PHANOS_COMPONENTS spdlog rabbitmq prometheus)

set(PHANOS_COMPONENT_spdlog_TARGET phanos_spdlog)
set(PHANOS_COMPONENT_spdlog_HEADERS
  phanos/spdlog.hpp phanos/handlers/logger_handler.hpp phanos/handlers/named_logger_handler.hpp)
set(PHANOS_COMPONENT_spdlog_DEPENDENCIES spdlog)

set(PHANOS_COMPONENT_rabbitmq_TARGET phanos_rabbitmq)
set(PHANOS_COMPONENT_rabbitmq_HEADERS
  phanos/rabbitmq.hpp phanos/handlers/imp_prof_handler.hpp phanos/handlers/async_imp_prof_handler.hpp
  phanos/handlers/rabbit_params.hpp)
set(PHANOS_COMPONENT_rabbitmq_DEPENDENCIES "")

set(PHANOS_COMPONENT_prometheus_TARGET phanos_prometheus)
set(PHANOS_COMPONENT_prometheus_HEADERS phanos/prometheus.hpp phanos/prometheus/prometheus_handler.hpp)
set(PHANOS_COMPONENT_prometheus_DEPENDENCIES "")
