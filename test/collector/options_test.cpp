// phanos-collector's command line.
#include <gtest/gtest.h>

#include "options.hpp"

namespace phanos::collector {
namespace {

using prometheus::MetricType;

ParsedOptions parse(std::vector<std::string> args) { return parse_options(args); }

TEST(Options, EverythingGiven) {
  const ParsedOptions parsed = parse({"--rabbit-host", "broker", "--rabbit-port", "5673", "--user", "u", "--password",
                                      "p", "--vhost", "v", "--queue", "q", "--listen", "127.0.0.1:9100", "--buckets",
                                      "0.5,1,10", "--max-series=50", "--metric-name", "gauge:items=queue_length"});
  ASSERT_EQ(parsed.action, ParsedOptions::Action::run) << parsed.error;
  const CollectorOptions& o = parsed.options;
  ASSERT_EQ(o.rabbit_nodes.size(), 1u);
  EXPECT_EQ(o.rabbit_nodes[0].host, "broker");
  EXPECT_EQ(o.rabbit_nodes[0].port, 5673);
  EXPECT_EQ(o.user, "u");
  EXPECT_EQ(o.password, "p");
  EXPECT_EQ(o.vhost, "v");
  EXPECT_EQ(o.queue, "q");
  EXPECT_EQ(o.listen_host, "127.0.0.1");
  EXPECT_EQ(o.listen_port, 9100);
  EXPECT_EQ(o.buckets, (std::vector<double>{0.5, 1, 10}));
  EXPECT_EQ(o.max_series, 50u);
  EXPECT_EQ(o.naming.name_of(MetricType::gauge, "items"), "queue_length");
}

TEST(Options, Exchange) {
  const ParsedOptions parsed =
      parse({"--queue=q", "--listen=:9100", "--exchange", "orders_profiling", "--exchange-type=topic"});
  ASSERT_EQ(parsed.action, ParsedOptions::Action::run) << parsed.error;
  EXPECT_EQ(parsed.options.exchange_name, "orders_profiling");
  EXPECT_EQ(parsed.options.exchange_type, "topic");
}

TEST(Options, Defaults) {
  const ParsedOptions parsed = parse({"--queue=q", "--listen=:9100"});
  ASSERT_EQ(parsed.action, ParsedOptions::Action::run) << parsed.error;
  ASSERT_EQ(parsed.options.rabbit_nodes.size(), 1u);
  EXPECT_EQ(parsed.options.rabbit_nodes[0].host, "127.0.0.1");
  EXPECT_EQ(parsed.options.rabbit_nodes[0].port, 5672);
  EXPECT_FALSE(parsed.options.quorum_queue);
  EXPECT_EQ(parsed.options.prefetch, 256);
  EXPECT_EQ(parsed.options.dedup_window, 100000u);
  EXPECT_EQ(parsed.options.user, "guest");
  EXPECT_EQ(parsed.options.vhost, "/");
  EXPECT_EQ(parsed.options.exchange_name, "profiling");
  EXPECT_EQ(parsed.options.exchange_type, "fanout");
  EXPECT_EQ(parsed.options.listen_host, "0.0.0.0");
  EXPECT_EQ(parsed.options.buckets, prometheus::default_bucket_bounds());
  EXPECT_EQ(parse({"--queue=q", "--listen=[::1]:80"}).options.listen_host, "::1");
}

TEST(Options, ClusterNodesQueueTypePrefetchAndDedupWindow) {
  const ParsedOptions parsed = parse({"--queue=q", "--listen=:9100", "--rabbit-hosts", "n1:5672,[::1]:5673,n3",
                                      "--queue-type", "quorum", "--prefetch=1000", "--dedup-window", "0"});
  ASSERT_EQ(parsed.action, ParsedOptions::Action::run) << parsed.error;
  const CollectorOptions& o = parsed.options;
  ASSERT_EQ(o.rabbit_nodes.size(), 3u);
  EXPECT_EQ(o.rabbit_nodes[0].host, "n1");
  EXPECT_EQ(o.rabbit_nodes[1].host, "::1");
  EXPECT_EQ(o.rabbit_nodes[1].port, 5673);
  EXPECT_EQ(o.rabbit_nodes[2].port, 5672);
  EXPECT_TRUE(o.quorum_queue);
  EXPECT_EQ(o.prefetch, 1000);
  EXPECT_EQ(o.dedup_window, 0u);
}

TEST(Options, ClusterOptionsRefuseWhatTheyCannotUse) {
  const auto error_of = [](std::vector<std::string> args) {
    args.insert(args.end(), {"--queue=q", "--listen=:9100"});
    const ParsedOptions parsed = parse(args);
    EXPECT_EQ(parsed.action, ParsedOptions::Action::error);
    return parsed.error;
  };
  EXPECT_EQ(error_of({"--rabbit-hosts", "n1:5672,:5673"}),
            "--rabbit-hosts: \":5673\" is not HOST:PORT, [IPv6]:PORT or HOST (port 5672)");
  EXPECT_EQ(error_of({"--rabbit-hosts", "n1:99999"}),
            "--rabbit-hosts: \"n1:99999\" is not HOST:PORT, [IPv6]:PORT or HOST (port 5672)");
  EXPECT_EQ(error_of({"--rabbit-hosts=n1", "--rabbit-host=n2"}),
            "--rabbit-hosts replaces --rabbit-host and --rabbit-port: give one or the other");
  EXPECT_EQ(error_of({"--queue-type", "stream"}), "--queue-type: invalid value \"stream\"");
  EXPECT_EQ(error_of({"--prefetch", "0"}), "--prefetch: invalid value \"0\"");
}

TEST(Options, StateFileAndCheckpointInterval) {
  const ParsedOptions none = parse({"--queue=q", "--listen=:9100"});
  EXPECT_EQ(none.options.state_file, "");
  EXPECT_EQ(none.options.checkpoint_interval, std::chrono::milliseconds(200));
  const ParsedOptions parsed =
      parse({"--queue=q", "--listen=:9100", "--state-file", "/var/lib/phanos/q.state", "--checkpoint-interval=50"});
  ASSERT_EQ(parsed.action, ParsedOptions::Action::run) << parsed.error;
  EXPECT_EQ(parsed.options.state_file, "/var/lib/phanos/q.state");
  EXPECT_EQ(parsed.options.checkpoint_interval, std::chrono::milliseconds(50));
  EXPECT_EQ(parse({"--queue=q", "--listen=:9100", "--checkpoint-interval=50"}).error,
            "--checkpoint-interval needs --state-file");
  EXPECT_EQ(parse({"--queue=q", "--listen=:9100", "--state-file=s", "--checkpoint-interval=0"}).error,
            "--checkpoint-interval: invalid value \"0\"");
  EXPECT_EQ(parse({"--queue=q", "--listen=:9100", "--state-file="}).error, "--state-file: invalid value \"\"");
}

TEST(Options, HelpAndVersion) {
  EXPECT_EQ(parse({"--help"}).action, ParsedOptions::Action::help);
  EXPECT_EQ(parse({"--queue", "q", "--version"}).action, ParsedOptions::Action::version);
  EXPECT_NE(usage_text().find("--listen HOST:PORT"), std::string::npos);
}

TEST(Options, ErrorsNameTheArgument) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--listen", ":1"}, "--queue is required"},
      {{"--queue", "q"}, "--listen is required"},
      {{"--queue", "q", "--listen", "9100"}, "--listen: expected HOST:PORT"},
      {{"--queue", "q", "--listen", ":1", "--rabbit-port", "70000"}, "--rabbit-port: invalid value \"70000\""},
      {{"--queue", "q", "--listen", ":1", "--buckets", "1,0.5"}, "--buckets: expected increasing"},
      {{"--queue", "q", "--listen", ":1", "--buckets", "1,inf"}, "--buckets: expected increasing"},
      {{"--queue", "q", "--listen", ":1", "--max-series", "0"}, "--max-series: invalid value"},
      {{"--queue", "q", "--listen", ":1", "--metric-name", "x"}, "expected TYPE:UNITS=NAME"},
      {{"--queue", "q", "--listen", ":1", "--frobnicate"}, "unknown argument \"--frobnicate\""},
      {{"--queue", "q", "--listen", ":1", "--exchange", ""}, "--exchange: invalid value \"\""},
      {{"--queue"}, "--queue needs a value"},
  };
  for (const auto& [args, message] : cases) {
    const ParsedOptions parsed = parse(args);
    EXPECT_EQ(parsed.action, ParsedOptions::Action::error) << message;
    EXPECT_NE(parsed.error.find(message), std::string::npos) << parsed.error;
  }
}

// Any readable file passes the option check (whether it is PEM is found
// when connecting): this source file.
const std::string readable_file = __FILE__;

TEST(Options, TlsSettingsAndItsDefaultPort) {
  const ParsedOptions parsed =
      parse({"--queue", "q", "--listen", ":1", "--ssl", "--ssl-ca", readable_file, "--ssl-cert", readable_file,
             "--ssl-key", readable_file, "--ssl-verify-peer", "false", "--ssl-verify-hostname=false"});
  ASSERT_EQ(parsed.action, ParsedOptions::Action::run) << parsed.error;
  const detail::TlsSettings& tls = parsed.options.tls;
  EXPECT_TRUE(tls.enabled);
  EXPECT_EQ(tls.ca_file, readable_file);
  EXPECT_EQ(tls.cert_file, readable_file);
  EXPECT_EQ(tls.key_file, readable_file);
  EXPECT_FALSE(tls.verify_peer);
  EXPECT_FALSE(tls.verify_hostname);
  EXPECT_EQ(parsed.options.rabbit_nodes.at(0).port, 5671) << "AMQPS' port when none is given";
  EXPECT_EQ(parse({"--queue", "q", "--listen", ":1", "--ssl", "--rabbit-port", "5673"}).options.rabbit_nodes.at(0).port,
            5673);

  const detail::TlsSettings defaults = parse({"--queue", "q", "--listen", ":1", "--ssl"}).options.tls;
  EXPECT_TRUE(defaults.verify_peer && defaults.verify_hostname);
  EXPECT_TRUE(defaults.ca_file.empty()) << "the system's trust store";
  EXPECT_FALSE(parse({"--queue", "q", "--listen", ":1"}).options.tls.enabled);
  EXPECT_NE(usage_text().find("--ssl-verify-hostname true|false"), std::string::npos);
}

TEST(Options, TlsErrorsNameTheOption) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--ssl", "--ssl-ca", "/nonexistent/ca.pem"},
       "--ssl-ca: cannot read \"/nonexistent/ca.pem\": No such file or directory"},
      {{"--ssl", "--ssl-key", "/"}, "--ssl-key: cannot read \"/\": Is a directory"},
      {{"--ssl", "--ssl-cert", readable_file}, "--ssl-cert needs --ssl-key"},
      {{"--ssl", "--ssl-key", readable_file}, "--ssl-key needs --ssl-cert"},
      {{"--ssl-ca", readable_file}, "--ssl-ca needs --ssl"},
      {{"--ssl-verify-peer", "false"}, "--ssl-verify-peer needs --ssl"},
      {{"--ssl", "--ssl-verify-peer", "no"}, "--ssl-verify-peer: invalid value \"no\""},
      {{"--ssl", "--ssl-verify-hostname", "1"}, "--ssl-verify-hostname: invalid value \"1\""},
      {{"--ssl=true"}, "unknown argument \"--ssl=true\""},
  };
  for (const auto& [tls_args, message] : cases) {
    std::vector<std::string> args{"--queue", "q", "--listen", ":1"};
    args.insert(args.end(), tls_args.begin(), tls_args.end());
    const ParsedOptions parsed = parse(args);
    EXPECT_EQ(parsed.action, ParsedOptions::Action::error) << message;
    EXPECT_EQ(parsed.error, message);
  }
}

}  // namespace
}  // namespace phanos::collector
