"""phanos-collector over TLS: on the shared RabbitMQ node's TLS listener
(test/rabbitmq/node_fixture.py: its CA, a client certificate the listener
requires), a collector started with --ssl and the certificates consumes
every record the instrumented e2e_program publishes; one given the wrong
CA logs the refused handshake once, naming host:port and OpenSSL's reason,
and keeps serving /metrics until stopped.

Usage: tls.py COLLECTOR E2E_PROGRAM NODE_STATE
"""
import os
import sys

from collector_harness import Checks, Collector, Node, publish_e2e_and_wait, wait_until

collector_bin, program, state = sys.argv[1:4]
node = Node.load(state)
tls = node.tls
checks = Checks()
job = f"tls_{os.getpid()}"


def tls_options(ca):
    return ["--ssl", "--ssl-ca", ca, "--ssl-cert", tls["client.pem"], "--ssl-key", tls["client.key"]]


over_tls = Collector(collector_bin, node.tls_port, f"phanos-tls-{os.getpid()}", *tls_options(tls["ca.pem"]))
wrong_ca = Collector(collector_bin, node.tls_port, f"phanos-tls-wrong-ca-{os.getpid()}",
                     *tls_options(tls["other_ca.pem"]))
try:
    checks.check(over_tls.wait_connected(), "collector over TLS: consuming")
    publish_e2e_and_wait(checks, program, [node.port, job], over_tls, job)

    refusals = wait_until(lambda: [line for line in wrong_ca.log().splitlines() if "cannot connect" in line], 10)
    checks.check(len(refusals) == 1, f"wrong CA: one error line, got {len(refusals)}")
    checks.check(all(f"127.0.0.1:{node.tls_port}: cannot connect: TLS handshake failed: certificate verify failed ("
                     in line for line in refusals), "wrong CA: the line names host:port and OpenSSL's reason")
    checks.check(wrong_ca.value("phanos_collector_broker_connected") == 0, "wrong CA: not connected, still serving")
finally:
    checks.check(over_tls.stop() == 0, "collector over TLS stopped cleanly")
    checks.check(wrong_ca.stop() == 0, "collector with the wrong CA stopped cleanly")
checks.exit()
