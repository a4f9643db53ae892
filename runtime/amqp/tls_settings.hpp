#pragma once
// TLS to the broker, as the RabbitMQ handlers' ssl* keys and
// phanos-collector's --ssl* options give it (docs/configuration.md,
// docs/collector.md).

#include <optional>
#include <string>

namespace phanos::detail {

struct TlsSettings {
  bool enabled = false;
  std::string ca_file;          // PEM CA bundle; empty: OpenSSL's default trust store
  std::string cert_file;        // the client's certificate (PEM), with key_file
  std::string key_file;         // its private key (PEM, not encrypted)
  bool verify_peer = true;      // the broker's certificate chains to a trusted CA
  bool verify_hostname = true;  // and is for the host connected to
};

// AMQP over TLS, where a port is not given with TLS on.
inline constexpr int default_tls_port = 5671;

// Why a file of the settings cannot be read ("No such file or directory",
// "Is a directory"), or nullopt: said when the settings are read, not at
// the first connection, where it would only be logged.
std::optional<std::string> unreadable_file(const std::string& path);

}  // namespace phanos::detail
