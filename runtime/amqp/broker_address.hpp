#pragma once
// A RabbitMQ node as the collector's --rabbit-hosts lists it:
// "HOST:PORT", "[IPv6]:PORT", or HOST alone for port 5672.

#include <string>
#include <string_view>
#include <vector>

namespace phanos::detail {

struct BrokerAddress {
  std::string host;
  int port = 5672;
};

// "h1:p1,h2:p2,...": false, with the problem in `error`, when an entry is
// none of the above or the list is empty.
bool parse_broker_addresses(std::string_view list, std::vector<BrokerAddress>& addresses, std::string& error);

}  // namespace phanos::detail
