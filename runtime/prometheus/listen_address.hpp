#pragma once
// Where to serve /metrics, as the collector's --listen and PrometheusHandler's
// "listen" give it: "HOST:PORT", "[IPv6]:PORT" or ":PORT" (all interfaces);
// port 0: one the system picks.

#include <string>
#include <string_view>

namespace phanos::prometheus {

struct ListenAddress {
  std::string host;  // "0.0.0.0" for ":PORT"
  int port = 0;
};

// False, with the problem in `error`, when `text` is none of the above.
bool parse_listen_address(std::string_view text, ListenAddress& address, std::string& error);

}  // namespace phanos::prometheus
