#include "tls_connect.hpp"

#include <amqp_ssl_socket.h>
#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <variant>

#include "escaped_for_log.hpp"
#include "tcp_connect.hpp"
#include "to_timeval.hpp"

namespace phanos::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Decides on each certificate problem OpenSSL finds: a name that does not
// match is refused when verify_hostname is on, any other problem when
// verify_peer is on. The first refusal is kept for the log.
int on_certificate_problem(int verified, X509_STORE_CTX* store) {
  if (verified) return 1;
  const auto* ssl = static_cast<const SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
  auto* check = static_cast<CertificateCheck*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
  const int error = X509_STORE_CTX_get_error(store);
  const bool wrong_name = error == X509_V_ERR_HOSTNAME_MISMATCH || error == X509_V_ERR_IP_ADDRESS_MISMATCH;
  if (!(wrong_name ? check->verify_hostname : check->verify_peer)) return 1;
  if (check->refusal.empty()) check->refusal = X509_verify_cert_error_string(error);
  return 0;
}

// OpenSSL tears itself down from an atexit function it registers when it
// is first initialised, which may be after the one draining the
// asynchronous handlers' queues at exit (finish_at_exit.hpp): the drain
// then found it torn down (rabbitmq.tls, an asynchronous handler whose
// first connection came at exit: "cannot create a TLS socket" in 5 runs of
// 6), and a connection open then would use a library torn down. Initialised
// first here, without that function, OpenSSL stays usable until the end.
void initialize_openssl() {
  static const bool initialized = OPENSSL_init_ssl(OPENSSL_INIT_NO_ATEXIT | OPENSSL_INIT_LOAD_SSL_STRINGS, nullptr);
  (void)initialized;
}

// An encrypted key fails to load instead of OpenSSL asking for its
// password on the terminal.
int no_password(char*, int, int, void*) { return 0; }

bool is_ip_address(const std::string& host) {
  unsigned char address[sizeof(in6_addr)];
  return ::inet_pton(AF_INET, host.c_str(), address) == 1 || ::inet_pton(AF_INET6, host.c_str(), address) == 1;
}

// rabbitmq-c's own name check knows no IP addresses in certificates:
// OpenSSL's is used instead, during the handshake.
std::optional<std::string> configure(amqp_socket_t* socket, const std::string& host, const TlsSettings& settings,
                                     CertificateCheck& check) {
  if (settings.cert_file.empty() != settings.key_file.empty())
    return std::string("a client certificate needs its key, and a key its certificate: give both or neither");
  auto* context = static_cast<SSL_CTX*>(amqp_ssl_socket_get_context(socket));
  SSL_CTX_set_default_passwd_cb(context, no_password);
  if (settings.ca_file.empty() ? SSL_CTX_set_default_verify_paths(context) != 1
                               : amqp_ssl_socket_set_cacert(socket, settings.ca_file.c_str()) != AMQP_STATUS_OK)
    return "cannot load the CA bundle '" + escaped_for_log(settings.ca_file) + "': " + openssl_reason("unknown error");
  if (!settings.cert_file.empty() &&
      amqp_ssl_socket_set_key(socket, settings.cert_file.c_str(), settings.key_file.c_str()) != AMQP_STATUS_OK)
    return "cannot load the client certificate '" + escaped_for_log(settings.cert_file) + "' with key '" +
           escaped_for_log(settings.key_file) + "': " + openssl_reason("unknown error");
  check = CertificateCheck{settings.verify_peer, settings.verify_hostname, ""};
  SSL_CTX_set_app_data(context, &check);
  SSL_CTX_set_verify(context, SSL_VERIFY_PEER, on_certificate_problem);
  amqp_ssl_socket_set_verify_peer(socket, settings.verify_peer);
  amqp_ssl_socket_set_verify_hostname(socket, 0);
  if (settings.verify_hostname) {
    X509_VERIFY_PARAM* parameters = SSL_CTX_get0_param(context);
    const int named = is_ip_address(host) ? X509_VERIFY_PARAM_set1_ip_asc(parameters, host.c_str())
                                          : X509_VERIFY_PARAM_set1_host(parameters, host.c_str(), 0);
    if (named != 1) return "cannot check the certificate's name against '" + escaped_for_log(host) + "'";
  }
  return std::nullopt;
}

// rabbitmq-c says only "a socket error occurred" when it cannot reach the
// broker: connecting once more ourselves tells which.
std::string unreachable(const std::string& host, int port, int status, Clock::time_point deadline) {
  const auto again =
      tcp_connect(host, port, std::max<Clock::duration>(Clock::duration::zero(), deadline - Clock::now()));
  if (const auto* reason = std::get_if<std::string>(&again)) return *reason;
  ::close(std::get<int>(again));
  return amqp_error_string2(status);
}

std::string handshake_failure(const CertificateCheck& check) {
  const std::string reason = openssl_reason("the broker closed the connection");
  return "TLS handshake failed: " + reason + (check.refusal.empty() ? "" : " (" + check.refusal + ")");
}

}  // namespace

std::string openssl_reason(const std::string& otherwise) {
  std::string reasons;
  while (const unsigned long error = ERR_get_error()) {
    const char* reason = ERR_reason_error_string(error);
    if (!reason) continue;
    reasons += (reasons.empty() ? "" : ": ") + std::string(reason);
  }
  return reasons.empty() ? otherwise : reasons;
}

std::optional<std::string> tls_connect(amqp_connection_state_t state, const std::string& host, int port,
                                       const TlsSettings& settings, std::chrono::duration<double> timeout,
                                       CertificateCheck& check) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
  initialize_openssl();
  amqp_socket_t* socket = amqp_ssl_socket_new(state);  // `state` owns it
  if (!socket) return std::string("cannot create a TLS socket: ") + openssl_reason("out of memory");
  if (auto failed = configure(socket, host, settings, check)) return failed;
  const timeval limit = to_timeval(timeout);
  ERR_clear_error();
  const int status = amqp_socket_open_noblock(socket, host.c_str(), port, &limit);
  switch (status) {
    case AMQP_STATUS_OK:
      return std::nullopt;
    case AMQP_STATUS_SOCKET_ERROR:
    case AMQP_STATUS_HOSTNAME_RESOLUTION_FAILED:
      return unreachable(host, port, status, deadline);
    case AMQP_STATUS_TIMEOUT:
      return std::string("timed out connecting or in the TLS handshake");
    case AMQP_STATUS_SSL_CONNECTION_FAILED:
      return handshake_failure(check);
    default:
      return std::string("TLS: ") + amqp_error_string2(status);
  }
}

}  // namespace phanos::detail
