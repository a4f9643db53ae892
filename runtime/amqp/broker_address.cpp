#include "broker_address.hpp"

#include <charconv>

#include "escaped_for_log.hpp"

namespace phanos::detail {
namespace {

bool parse_port(std::string_view text, int& port) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 65535) return false;
  port = value;
  return true;
}

bool parse_one(std::string_view text, BrokerAddress& address) {
  std::string_view host = text, port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return false;
    host = text.substr(1, close - 1);
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || rest.size() == 1)) return false;
    if (!rest.empty()) port = rest.substr(1);
  } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty() || host.find(':') != std::string_view::npos) return false;
  }
  if (host.empty()) return false;
  address.host = std::string(host);
  return port.empty() || parse_port(port, address.port);
}

}  // namespace

bool parse_broker_address(std::string_view text, BrokerAddress& address, std::string& error) {
  if (parse_one(text, address)) return true;
  error = "\"" + escaped_for_log(text) + "\" is not HOST:PORT, [IPv6]:PORT or HOST (port 5672)";
  return false;
}

std::string to_string(const BrokerAddress& address) {
  const bool ipv6 = address.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

bool parse_broker_addresses(std::string_view list, std::vector<BrokerAddress>& addresses, std::string& error) {
  addresses.clear();
  for (std::size_t start = 0;;) {
    const auto comma = list.find(',', start);
    const std::string_view entry = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
    BrokerAddress address;
    if (!parse_broker_address(entry, address, error)) return false;
    addresses.push_back(std::move(address));
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

}  // namespace phanos::detail
