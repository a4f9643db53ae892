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
      error = "--buckets: expected increasing finite numbers separated by commas, got \"" + detail::escaped_for_log(text) + "\"";
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
  --rabbit-port P        broker port (default 5672)
  --rabbit-hosts H1:P1,H2:P2,...
                         the nodes of a cluster, tried in order (the first
                         again after every loss); instead of the two above
  --user U               (default guest)
  --password W           (default guest)
  --vhost V              (default /)
  --queue NAME           the queue to declare, bind and consume (required)
  --queue-type TYPE      classic (default: not durable) or quorum (durable,
                         replicated: survives the loss of a cluster's node)
  --prefetch N           messages delivered before they are acknowledged, at
                         most (default 256); each is acknowledged once
                         aggregated
  --dedup-window N       message_ids remembered: a message received again
                         within the last N is dropped and counted (default
                         100000; 0: none)
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
  bool single_node = false, nodes_given = false;
  std::string host = "127.0.0.1";
  int port = 5672;
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
      {"--rabbit-host", [&](const std::string& v, std::string&) { single_node = true; host = v; return !v.empty(); }},
      {"--rabbit-port", [&](const std::string& v, std::string&) { single_node = true; return port_of(v, port); }},
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
      {"--user", [&](const std::string& v, std::string&) { o.user = v; return true; }},
      {"--password", [&](const std::string& v, std::string&) { o.password = v; return true; }},
      {"--vhost", [&](const std::string& v, std::string&) { o.vhost = v; return !v.empty(); }},
      {"--queue", [&](const std::string& v, std::string&) { o.queue = v; return !v.empty() && v.size() <= 255; }},
      {"--exchange", [&](const std::string& v, std::string&) { o.exchange_name = v; return !v.empty() && v.size() <= 255; }},
      {"--exchange-type", [&](const std::string& v, std::string&) { o.exchange_type = v; return !v.empty(); }},
      {"--listen",
       [&](const std::string& v, std::string& e) { return listen_given = parse_listen(v, o.listen_host, o.listen_port, e); }},
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
    std::string error;
    if (!option->second(*value, error))
      return fail(error.empty() ? name + ": invalid value \"" + detail::escaped_for_log(*value) + "\"" : error);
  }
  if (single_node && nodes_given) return fail("--rabbit-hosts replaces --rabbit-host and --rabbit-port: give one or the other");
  if (!nodes_given) o.rabbit_nodes = {{host, port}};
  if (o.queue.empty()) return fail("--queue is required");
  if (!listen_given) return fail("--listen is required");
  return result;
}

}  // namespace phanos::collector
