// ImpProfHandler and AsyncImpProfHandler in a dict config:
// {"handler_name": ..., "host": ..., "port": ..., "user": ..., "password": ...,
//  "heartbeat": ..., "timeout": ..., "retry": ..., "retry_delay": ...,
//  "exchange_name": ..., "exchange_type": ...} as Python's keyword arguments,
// plus this port's "vhost" (also pika's "virtual_host"), "hosts", "confirm",
// TLS ("ssl", "ssl_ca", "ssl_cert", "ssl_key", "ssl_verify_peer",
// "ssl_verify_hostname"), and for AsyncImpProfHandler "queue_capacity",
// "drain_timeout", "max_message_records" and "max_message_bytes".

#include <cmath>
#include <limits>
#include <optional>

#include "broker_address.hpp"
#include "escaped_for_log.hpp"
#include "phanos/handlers/async_imp_prof_handler.hpp"
#include "phanos/handlers/imp_prof_handler.hpp"
#include "rabbit_handler_config.hpp"
#include "tls_settings.hpp"

namespace phanos::detail {
namespace {

void read_string(ConfigObject& args, std::string_view key, std::string& into) {
  if (auto value = args.optional_string(key)) into = std::move(*value);
}

// An integer in [low, high]; Python would take 5.0 for 5, JSON configs
// written by hand do not, so only integers are accepted.
template <class Int>
void read_integer(ConfigObject& args, std::string_view key, long long low, long long high, Int& into) {
  const Json* value = args.find(key);
  if (!value) return;
  const std::string path = args.path_of(key);
  if (!value->is_number_integer()) reject(path, "expected an integer, got " + describe(*value));
  const long long number =
      value->is_number_unsigned() &&
              value->get<unsigned long long>() > static_cast<unsigned long long>(std::numeric_limits<long long>::max())
          ? std::numeric_limits<long long>::max()
          : value->get<long long>();
  if (number < low || number > high) {
    reject(path, "expected an integer from " + std::to_string(low) + " to " + std::to_string(high) + ", got " +
                     describe(*value));
  }
  into = static_cast<Int>(number);
}

// Seconds: a number, at least `low` (and more than 0 when `positive`).
void read_seconds(ConfigObject& args, std::string_view key, bool positive, double& into) {
  const Json* value = args.find(key);
  if (!value) return;
  const std::string path = args.path_of(key);
  if (!value->is_number()) reject(path, "expected a number of seconds, got " + describe(*value));
  const double seconds = value->get<double>();
  if (!std::isfinite(seconds) || seconds < 0 || (positive && seconds == 0)) {
    reject(path, std::string(positive ? "expected more than 0 seconds" : "expected 0 seconds or more") + ", got " +
                     describe(*value));
  }
  into = seconds;
}

// "hosts": a non-empty list of "host:port" strings (broker_address.hpp).
void read_hosts(ConfigObject& args, std::vector<std::string>& into) {
  const Json* value = args.find("hosts");
  if (!value) return;
  const std::string path = args.path_of("hosts");
  if (!value->is_array() || value->empty())
    reject(path, "expected a list of \"host:port\" strings, got " + describe(*value));
  for (std::size_t i = 0; i < value->size(); ++i) {
    const Json& entry = (*value)[i];
    const std::string entry_path = path + "[" + std::to_string(i) + "]";
    if (!entry.is_string()) reject(entry_path, "expected a \"host:port\" string, got " + describe(entry));
    BrokerAddress node;
    std::string error;
    if (!parse_broker_address(entry.get<std::string>(), node, error)) reject(entry_path, error);
    into.push_back(entry.get<std::string>());
  }
}

// "vhost", or pika's "virtual_host" (Python phanos passes its keyword
// arguments on to pika); both only when they agree.
void read_vhost(ConfigObject& args, std::string& into) {
  read_string(args, "vhost", into);
  std::optional<std::string> virtual_host = args.optional_string("virtual_host");
  if (!virtual_host) return;
  if (args.find("vhost") && *virtual_host != into)
    reject(args.path_of("virtual_host"), "\"" + escaped_for_log(*virtual_host) + "\" differs from vhost \"" +
                                             escaped_for_log(into) + "\"; give one of them");
  into = std::move(*virtual_host);
}

// A PEM file of the TLS settings, readable now: a wrong path is a
// configuration error, not a failure logged at every connection.
void read_tls_file(ConfigObject& args, std::string_view key, std::string& into) {
  read_string(args, key, into);
  if (!args.find(key)) return;
  if (const auto problem = unreadable_file(into))
    reject(args.path_of(key), "cannot read \"" + escaped_for_log(into) + "\": " + *problem);
}

void read_bool(ConfigObject& args, std::string_view key, bool& into) {
  if (const auto value = args.optional_bool(key)) into = *value;
}

// "ssl" and its settings, which say nothing without it. With TLS on and no
// "port", AMQPS' port 5671.
void read_tls(ConfigObject& args, RabbitParams& params) {
  read_bool(args, "ssl", params.ssl);
  read_tls_file(args, "ssl_ca", params.ssl_ca);
  read_tls_file(args, "ssl_cert", params.ssl_cert);
  read_tls_file(args, "ssl_key", params.ssl_key);
  read_bool(args, "ssl_verify_peer", params.ssl_verify_peer);
  read_bool(args, "ssl_verify_hostname", params.ssl_verify_hostname);
  if (!params.ssl) {
    for (const char* key : {"ssl_ca", "ssl_cert", "ssl_key", "ssl_verify_peer", "ssl_verify_hostname"})
      if (args.find(key)) reject(args.path_of(key), "has no effect without \"ssl\": true");
    return;
  }
  if (params.ssl_cert.empty() != params.ssl_key.empty()) {
    reject(args.path_of(params.ssl_key.empty() ? "ssl_cert" : "ssl_key"),
           params.ssl_key.empty() ? "a client certificate needs its key: give ssl_key too"
                                  : "a client key needs its certificate: give ssl_cert too");
  }
  if (!args.find("port")) params.port = default_tls_port;
}

RabbitParams read_params(ConfigObject& args) {
  RabbitParams params;
  read_string(args, "host", params.host);
  read_integer(args, "port", 1, 65535, params.port);
  read_string(args, "user", params.user);
  read_string(args, "password", params.password);
  read_vhost(args, params.vhost);
  read_hosts(args, params.hosts);
  if (const std::optional<bool> confirm = args.optional_bool("confirm")) params.confirm = *confirm;
  read_integer(args, "heartbeat", 0, 65535, params.heartbeat);
  read_seconds(args, "timeout", true, params.timeout);
  // 0 as Python takes it: one attempt, no retry.
  read_integer(args, "retry", 0, 1000, params.retry);
  read_seconds(args, "retry_delay", false, params.retry_delay);
  read_string(args, "exchange_name", params.exchange_name);
  read_string(args, "exchange_type", params.exchange_type);
  read_tls(args, params);
  return params;
}

}  // namespace

HandlerBuilder imp_prof_handler_builder(ConfigObject& args) {
  std::string name = args.required_string("handler_name");
  const RabbitParams params = read_params(args);
  return [name, params] { return std::make_shared<ImpProfHandler>(name, params); };
}

HandlerBuilder async_imp_prof_handler_builder(ConfigObject& args) {
  std::string name = args.required_string("handler_name");
  RabbitParams params = read_params(args);
  read_integer(args, "queue_capacity", 1, std::numeric_limits<int>::max(), params.queue_capacity);
  read_seconds(args, "drain_timeout", false, params.drain_timeout);
  read_integer(args, "max_message_records", 1, std::numeric_limits<int>::max(), params.max_message_records);
  read_integer(args, "max_message_bytes", 64, std::numeric_limits<int>::max(), params.max_message_bytes);
  return [name, params] { return std::make_shared<AsyncImpProfHandler>(name, params); };
}

}  // namespace phanos::detail
