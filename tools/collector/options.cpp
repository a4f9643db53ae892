#include "options.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "escaped_for_log.hpp"
#include "listen_address.hpp"

namespace phanos::collector {
namespace {

std::optional<long> integer(const std::string& text, long low, long high) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || value < low || value > high) return std::nullopt;
  return value;
}

std::optional<double> finite_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "0.5,1,2.5": finite and increasing.
bool parse_buckets(const std::string& text, std::vector<double>& out, std::string& error) {
  out.clear();
  std::istringstream items(text);
  std::string item;
  while (std::getline(items, item, ',')) {
    const std::optional<double> bound = finite_number(item);
    if (!bound || (!out.empty() && *bound <= out.back())) {
      error = "--buckets: expected increasing finite numbers separated by commas, got \"" +
              detail::escaped_for_log(text) + "\"";
      return false;
    }
    out.push_back(*bound);
  }
  if (out.empty()) {
    error = "--buckets: no bound given";
    return false;
  }
  return true;
}

std::optional<bool> boolean(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

// A PEM file of --ssl-ca, --ssl-cert, --ssl-key: readable now, not only
// logged at every connection.
bool tls_file(const std::string& option, const std::string& path, std::string& into, std::string& error) {
  into = path;
  if (const auto problem = detail::unreadable_file(path)) {
    error = option + ": cannot read \"" + detail::escaped_for_log(path) + "\": " + *problem;
    return false;
  }
  return true;
}

// The --ssl-... options say nothing without --ssl; a client certificate
// comes with its key.
std::string tls_problem(const detail::TlsSettings& tls, const std::vector<std::string>& tls_options_given) {
  if (!tls.enabled && !tls_options_given.empty()) return tls_options_given.front() + " needs --ssl";
  if (tls.cert_file.empty() != tls.key_file.empty())
    return tls.key_file.empty() ? "--ssl-cert needs --ssl-key" : "--ssl-key needs --ssl-cert";
  return "";
}

bool parse_listen(const std::string& text, std::string& host, int& port, std::string& error) {
  prometheus::ListenAddress address;
  if (!prometheus::parse_listen_address(text, address, error)) {
    error = "--listen: " + error;
    return false;
  }
  host = address.host;
  port = address.port;
  return true;
}

}  // namespace

std::string usage_text() {
  return R"(usage: phanos-collector --queue NAME --listen HOST:PORT [options]

Consumes phanos records from RabbitMQ (a queue bound to the exchange the
handlers publish to, both declared) and serves them on
http://HOST:PORT/metrics in Prometheus' text format.

  --rabbit-host H        broker host (default 127.0.0.1)
  --rabbit-port P        broker port (default 5672, with --ssl 5671)
  --rabbit-hosts H1:P1,H2:P2,...
                         the nodes of a cluster, tried in order (the first
                         again after every loss); instead of the two above
                         (a node without a port: 5672, with --ssl too)
  --user U               (default guest)
  --password W           (default guest)
  --vhost V              (default /)
  --ssl                  connect with TLS (AMQPS)
  --ssl-ca PATH          PEM CA bundle the broker's certificate must chain to
                         (default: the system's trust store)
  --ssl-cert PATH        PEM client certificate, with --ssl-key
  --ssl-key PATH         its PEM private key (not encrypted)
  --ssl-verify-peer true|false
                         check the broker's certificate chain (default true)
  --ssl-verify-hostname true|false
                         check the certificate is for --rabbit-host (default true)
  --queue NAME           the queue to declare, bind and consume (required)
  --queue-type TYPE      classic (default: not durable) or quorum (durable,
                         replicated: survives the loss of a cluster's node)
  --prefetch N           messages delivered before they are acknowledged, at
                         most (default 256); each is acknowledged once
                         aggregated (with --state-file: once checkpointed)
  --dedup-window N       message_ids remembered: a message received again
                         within the last N is dropped and counted (default
                         100000; 0: none)
  --state-file PATH      keep the counts in PATH, loaded at start, so that a
                         restarted collector goes on from them, even after
                         SIGKILL; a message is acknowledged only once a
                         checkpoint holding it is on the disk (default: none,
                         the counts start from zero)
  --checkpoint-interval MS
                         with --state-file: a checkpoint at most MS after a
                         message arrived (default 200), or at once when
                         3/4 of --prefetch wait for one
  --exchange NAME        the exchange to declare and bind the queue to, the
                         handlers' exchange_name (default profiling)
  --exchange-type TYPE   its type, the handlers' exchange_type (default fanout)
  --listen HOST:PORT     where to serve /metrics (required; :PORT for all interfaces)
  --buckets B1,B2,...    histogram bucket bounds, increasing (default, in ms:
                         0.1,0.25,0.5,1,2.5,5,10,25,50,100,250,500,1000,2500,5000,10000)
  --max-series N         series per metric at most; records beyond are dropped
                         and counted (default 10000)
  --metric-name TYPE:UNITS=NAME
                         the Prometheus name of the metrics of that type and
                         units (repeatable; built in: histogram:mS=time_profiler,
                         histogram:B=response_size; otherwise named after the
                         units: phanos_UNITS for a gauge, phanos_UNITS_total
                         for a counter, ...)
  --help, --version
)";
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
  ParsedOptions result;
  CollectorOptions& o = result.options;
  bool listen_given = false;
  bool interval_given = false;
  bool single_node = false, nodes_given = false;
  std::string host = "127.0.0.1";
  int port = 5672;
  bool port_given = false;
  std::vector<std::string> tls_options_given;
  const auto fail = [&](std::string error) {
    result.action = ParsedOptions::Action::error;
    result.error = std::move(error);
    return result;
  };
  const auto port_of = [](const std::string& value, int& out) {
    const std::optional<long> port = integer(value, 1, 65535);
    if (port) out = static_cast<int>(*port);
    return port.has_value();
  };
  const std::map<std::string, std::function<bool(const std::string&, std::string&)>> with_value{
      {"--rabbit-host",
       [&](const std::string& v, std::string&) {
         single_node = true;
         host = v;
         return !v.empty();
       }},
      {"--rabbit-port",
       [&](const std::string& v, std::string&) { return single_node = port_given = port_of(v, port); }},
      {"--rabbit-hosts",
       [&](const std::string& v, std::string& e) {
         nodes_given = detail::parse_broker_addresses(v, o.rabbit_nodes, e);
         if (!nodes_given) e = "--rabbit-hosts: " + e;
         return nodes_given;
       }},
      {"--queue-type",
       [&](const std::string& v, std::string&) {
         o.quorum_queue = v == "quorum";
         return v == "quorum" || v == "classic";
       }},
      {"--prefetch",
       [&](const std::string& v, std::string&) {
         const std::optional<long> n = integer(v, 1, 65535);
         if (n) o.prefetch = static_cast<std::uint16_t>(*n);
         return n.has_value();
       }},
      {"--dedup-window",
       [&](const std::string& v, std::string&) {
         const std::optional<long> n = integer(v, 0, 100000000);
         if (n) o.dedup_window = static_cast<std::size_t>(*n);
         return n.has_value();
       }},
      {"--state-file",
       [&](const std::string& v, std::string&) {
         o.state_file = v;
         return !v.empty();
       }},
      {"--checkpoint-interval",
       [&](const std::string& v, std::string&) {
         const std::optional<long> ms = integer(v, 1, 3600000);
         if (ms) o.checkpoint_interval = std::chrono::milliseconds(*ms);
         return interval_given = ms.has_value();
       }},
      {"--user",
       [&](const std::string& v, std::string&) {
         o.user = v;
         return true;
       }},
      {"--password",
       [&](const std::string& v, std::string&) {
         o.password = v;
         return true;
       }},
      {"--vhost",
       [&](const std::string& v, std::string&) {
         o.vhost = v;
         return !v.empty();
       }},
      {"--ssl-ca", [&](const std::string& v, std::string& e) { return tls_file("--ssl-ca", v, o.tls.ca_file, e); }},
      {"--ssl-cert",
       [&](const std::string& v, std::string& e) { return tls_file("--ssl-cert", v, o.tls.cert_file, e); }},
      {"--ssl-key", [&](const std::string& v, std::string& e) { return tls_file("--ssl-key", v, o.tls.key_file, e); }},
      {"--ssl-verify-peer",
       [&](const std::string& v, std::string&) {
         const std::optional<bool> verify = boolean(v);
         if (verify) o.tls.verify_peer = *verify;
         return verify.has_value();
       }},
      {"--ssl-verify-hostname",
       [&](const std::string& v, std::string&) {
         const std::optional<bool> verify = boolean(v);
         if (verify) o.tls.verify_hostname = *verify;
         return verify.has_value();
       }},
      {"--queue",
       [&](const std::string& v, std::string&) {
         o.queue = v;
         return !v.empty() && v.size() <= 255;
       }},
      {"--exchange",
       [&](const std::string& v, std::string&) {
         o.exchange_name = v;
         return !v.empty() && v.size() <= 255;
       }},
      {"--exchange-type",
       [&](const std::string& v, std::string&) {
         o.exchange_type = v;
         return !v.empty();
       }},
      {"--listen", [&](const std::string& v,
                       std::string& e) { return listen_given = parse_listen(v, o.listen_host, o.listen_port, e); }},
      {"--buckets", [&](const std::string& v, std::string& e) { return parse_buckets(v, o.buckets, e); }},
      {"--max-series",
       [&](const std::string& v, std::string&) {
         const std::optional<long> n = integer(v, 1, 100000000);
         if (n) o.max_series = static_cast<std::size_t>(*n);
         return n.has_value();
       }},
      {"--metric-name", [&](const std::string& v, std::string& e) { return o.naming.add_rule(v, e); }},
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    if (name == "--help" || name == "-h") {
      result.action = ParsedOptions::Action::help;
      return result;
    }
    if (name == "--version") {
      result.action = ParsedOptions::Action::version;
      return result;
    }
    if (name == "--ssl") {
      o.tls.enabled = true;
      continue;
    }
    std::optional<std::string> value;
    if (const auto equals = name.find('='); name.rfind("--", 0) == 0 && equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
    }
    const auto option = with_value.find(name);
    if (option == with_value.end()) return fail("unknown argument \"" + detail::escaped_for_log(args[i]) + "\"");
    if (!value) {
      if (i + 1 == args.size()) return fail(name + " needs a value");
      value = args[++i];
    }
    if (name.rfind("--ssl-", 0) == 0) tls_options_given.push_back(name);
    std::string error;
    if (!option->second(*value, error))
      return fail(error.empty() ? name + ": invalid value \"" + detail::escaped_for_log(*value) + "\"" : error);
  }
  if (single_node && nodes_given)
    return fail("--rabbit-hosts replaces --rabbit-host and --rabbit-port: give one or the other");
  if (const std::string problem = tls_problem(o.tls, tls_options_given); !problem.empty()) return fail(problem);
  if (o.tls.enabled && !port_given) port = detail::default_tls_port;
  if (!nodes_given) o.rabbit_nodes = {{host, port}};
  if (interval_given && o.state_file.empty()) return fail("--checkpoint-interval needs --state-file");
  if (o.queue.empty()) return fail("--queue is required");
  if (!listen_given) return fail("--listen is required");
  return result;
}

}  // namespace phanos::collector
