#pragma once
// What the RabbitMQ handlers and phanos-collector agree on, in one place:
// the exchange the records go through by default, and how the records of a
// message name their metric types (the JSON of phanos' to_json; the
// error_raised label, the one whose value is a JSON boolean, is read by the
// collector as any boolean label).

#include <string_view>

namespace phanos::wire {

// RabbitParams' defaults (test/unit/rabbit_config_test.cpp checks they are
// these) and phanos-collector's --exchange and --exchange-type.
inline constexpr std::string_view default_exchange_name = "profiling";
inline constexpr std::string_view default_exchange_type = "fanout";

// A record's "type".
inline constexpr std::string_view histogram = "histogram";
inline constexpr std::string_view summary = "summary";
inline constexpr std::string_view counter = "counter";
inline constexpr std::string_view gauge = "gauge";
inline constexpr std::string_view info = "info";
inline constexpr std::string_view enumeration = "enum";

}  // namespace phanos::wire
