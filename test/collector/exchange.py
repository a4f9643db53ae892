"""phanos-collector --exchange and --exchange-type: the instrumented
e2e_program publishes through ImpProfHandler to an exchange of its own
(a topic exchange, not the default "profiling" fanout one) on the shared
RabbitMQ node; a collector started with that exchange gets every record,
and one started with the default exchange gets none of them.

Usage: exchange.py COLLECTOR E2E_PROGRAM NODE_STATE
"""
import os
import subprocess
import sys

from collector_harness import Checks, Collector, Node, wait_until

collector_bin, program, state = sys.argv[1:4]
node = Node.load(state)
checks = Checks()
job = f"exchange_{os.getpid()}"
exchange = f"phanos_test_exchange_{os.getpid()}"
# Service:handle, as e2e_program.cpp makes its calls: 5 succeed, 2 fail.
counts = {f'time_profiler_count{{job="{job}",item="Service",method="Service:handle",error_raised="false"}}': 5,
          f'time_profiler_count{{job="{job}",item="Service",method="Service:handle",error_raised="true"}}': 2}

on_exchange = Collector(collector_bin, node.port, f"phanos-exchange-{os.getpid()}",
                        "--exchange", exchange, "--exchange-type", "topic")
on_default = Collector(collector_bin, node.port, f"phanos-default-{os.getpid()}")
try:
    checks.check(on_exchange.wait_connected(), f"collector on exchange {exchange}: consuming")
    checks.check(on_default.wait_connected(), "collector on the default exchange: consuming")
    run = subprocess.run([program, str(node.port), job, exchange, "topic"], capture_output=True, text=True,
                         timeout=60)
    sys.stderr.write(run.stderr)
    checks.check(run.returncode == 0, f"e2e_program published to {exchange} (exit {run.returncode})")

    def arrived():
        got = on_exchange.samples()
        return all(got.get(series) == count for series, count in counts.items())
    checks.check(wait_until(arrived, 20), f"the collector on {exchange} has every call: {counts}")
    # Everything it consumed has arrived: the other collector had as long.
    others = [series for series in on_default.samples() if job in series]
    checks.check(not others, f"the collector on the default exchange got none of them: {others}")
    checks.check(f"bound to exchange '{exchange}'" in on_exchange.log(), "the collector logs the exchange it binds to")
finally:
    checks.check(on_exchange.stop() == 0, "collector on the exchange stopped cleanly")
    checks.check(on_default.stop() == 0, "collector on the default exchange stopped cleanly")
checks.exit()
