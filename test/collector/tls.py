"""phanos-collector over TLS: on the shared RabbitMQ node's TLS listener
(test/rabbitmq/node_fixture.py: its CA, a client certificate the listener
requires), a collector started with --ssl and the certificates consumes
every record the instrumented e2e_program publishes; one given the wrong
CA logs the refused handshake once, naming host:port and OpenSSL's reason,
and keeps serving /metrics until stopped.

Usage: tls.py COLLECTOR E2E_PROGRAM NODE_STATE
"""
import os
import subprocess
import sys

from collector_harness import Checks, Collector, Node, wait_until

collector_bin, program, state = sys.argv[1:4]
node = Node.load(state)
tls = node.tls
checks = Checks()
job = f"tls_{os.getpid()}"
# Service:handle, as e2e_program.cpp makes its calls: 5 succeed, 2 fail.
counts = {f'time_profiler_count{{job="{job}",item="Service",method="Service:handle",error_raised="false"}}': 5,
          f'time_profiler_count{{job="{job}",item="Service",method="Service:handle",error_raised="true"}}': 2}


def tls_options(ca):
    return ["--ssl", "--ssl-ca", ca, "--ssl-cert", tls["client.pem"], "--ssl-key", tls["client.key"]]


over_tls = Collector(collector_bin, node.tls_port, f"phanos-tls-{os.getpid()}", *tls_options(tls["ca.pem"]))
wrong_ca = Collector(collector_bin, node.tls_port, f"phanos-tls-wrong-ca-{os.getpid()}",
                     *tls_options(tls["other_ca.pem"]))
try:
    checks.check(over_tls.wait_connected(), "collector over TLS: consuming")
    run = subprocess.run([program, str(node.port), job], capture_output=True, text=True, timeout=60)
    sys.stderr.write(run.stderr)
    checks.check(run.returncode == 0, f"e2e_program published (exit {run.returncode})")

    def arrived():
        got = over_tls.samples()
        return all(got.get(series) == count for series, count in counts.items())
    checks.check(wait_until(arrived, 20), f"the collector over TLS has every call: {counts}")

    refusals = wait_until(lambda: [line for line in wrong_ca.log().splitlines() if "cannot connect" in line], 10)
    checks.check(len(refusals) == 1, f"wrong CA: one error line, got {len(refusals)}")
    checks.check(all(f"127.0.0.1:{node.tls_port}: cannot connect: TLS handshake failed: certificate verify failed ("
                     in line for line in refusals), "wrong CA: the line names host:port and OpenSSL's reason")
    checks.check(wrong_ca.value("phanos_collector_broker_connected") == 0, "wrong CA: not connected, still serving")
finally:
    checks.check(over_tls.stop() == 0, "collector over TLS stopped cleanly")
    checks.check(wrong_ca.stop() == 0, "collector with the wrong CA stopped cleanly")
checks.exit()
