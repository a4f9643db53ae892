#pragma once
// Opens the TCP connection for rabbitmq-c ourselves: rabbitmq-c reports
// every failure to connect as "a socket error occurred", while the log
// must say which ("Connection refused", "timed out", an unknown host).

#include <chrono>
#include <string>
#include <variant>

namespace phanos::detail {

// A connected non-blocking socket (as rabbitmq-c keeps its own), or why
// there is none. Tries each address of `host` until `timeout` is spent.
std::variant<int, std::string> tcp_connect(const std::string& host, int port, std::chrono::duration<double> timeout);

}  // namespace phanos::detail
