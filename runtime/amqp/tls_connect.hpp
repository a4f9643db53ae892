#pragma once
// Opens the TLS connection for rabbitmq-c. Unlike the plain one
// (tcp_connect.hpp), rabbitmq-c's TLS socket cannot take a socket we
// connected: it connects itself, bounded by the same timeout, handshake
// included. Its failures are told in this layer's words all the same: a
// failure to reach the broker as tcp_connect tells it, a refused handshake
// with OpenSSL's reason.

#include <amqp.h>

#include <chrono>
#include <optional>
#include <string>

#include "tls_settings.hpp"

namespace phanos::detail {

// What the certificate check of one handshake decides with, and what it
// refused; OpenSSL's verify callback reads and writes it.
struct CertificateCheck {
  bool verify_peer = true;
  bool verify_hostname = true;
  std::string refusal;  // why the broker's certificate was refused
};

// OpenSSL's reasons for what just failed on this thread ("certificate verify
// failed", "wrong version number"), or `otherwise`. Takes them off its
// error queue.
std::string openssl_reason(const std::string& otherwise);

// Gives `state` rabbitmq-c's TLS socket and connects it to host:port. Returns
// the reason on failure. `check` is the verify callback's: it must outlive
// the connection (a renegotiation checks again).
std::optional<std::string> tls_connect(amqp_connection_state_t state, const std::string& host, int port,
                                       const TlsSettings& settings, std::chrono::duration<double> timeout,
                                       CertificateCheck& check);

}  // namespace phanos::detail
