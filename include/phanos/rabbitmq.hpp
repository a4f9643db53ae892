#pragma once
// The component phanos::rabbitmq (libphanos_rabbitmq.so): handlers that
// publish records to a RabbitMQ exchange, which phanos-collector consumes.

#include "phanos/handlers/async_imp_prof_handler.hpp"
#include "phanos/handlers/imp_prof_handler.hpp"
#include "phanos/handlers/rabbit_params.hpp"
#include "phanos/phanos.hpp"
