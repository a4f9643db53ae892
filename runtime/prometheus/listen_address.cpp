#include "listen_address.hpp"

#include <charconv>

#include "escaped_for_log.hpp"

namespace phanos::prometheus {

bool parse_listen_address(std::string_view text, ListenAddress& address, std::string& error) {
  const auto colon = text.rfind(':');
  int port = 0;
  const std::string_view digits = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size() || port < 0 ||
      port > 65535) {
    error = "expected HOST:PORT or :PORT (port 0 to 65535), got \"" + detail::escaped_for_log(text) + "\"";
    return false;
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  address.host = host.empty() ? "0.0.0.0" : std::string(host);
  address.port = port;
  return true;
}

}  // namespace phanos::prometheus
