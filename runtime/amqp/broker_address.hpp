#pragma once
// A RabbitMQ node as the handlers' "hosts" and the collector's
// --rabbit-hosts list it: "HOST:PORT", "[IPv6]:PORT", or HOST alone for
// port 5672.

#include <string>
#include <string_view>
#include <vector>

namespace phanos::detail {

struct BrokerAddress {
  std::string host;
  int port = 5672;
};

// One node: false, with the problem in `error`, when `text` is none of the above.
bool parse_broker_address(std::string_view text, BrokerAddress& address, std::string& error);

// "HOST:PORT" ("[IPv6]:PORT"), as log lines name a node.
std::string to_string(const BrokerAddress& address);

// "h1:p1,h2:p2,...": false, with the problem in `error`, when an entry is
// none of the above or the list is empty.
bool parse_broker_addresses(std::string_view list, std::vector<BrokerAddress>& addresses, std::string& error);

}  // namespace phanos::detail
