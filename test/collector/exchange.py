"""phanos-collector --exchange and --exchange-type: the instrumented
e2e_program publishes through ImpProfHandler to an exchange of its own
(a topic exchange, not the default "profiling" fanout one) on the shared
RabbitMQ node; a collector started with that exchange gets every record,
and one started with the default exchange gets none of them.

Usage: exchange.py COLLECTOR E2E_PROGRAM NODE_STATE
"""
import os
import sys

from collector_harness import Checks, Collector, Node, publish_e2e_and_wait

collector_bin, program, state = sys.argv[1:4]
node = Node.load(state)
checks = Checks()
job = f"exchange_{os.getpid()}"
exchange = f"phanos_test_exchange_{os.getpid()}"
on_exchange = Collector(collector_bin, node.port, f"phanos-exchange-{os.getpid()}",
                        "--exchange", exchange, "--exchange-type", "topic")
on_default = Collector(collector_bin, node.port, f"phanos-default-{os.getpid()}")
try:
    checks.check(on_exchange.wait_connected(), f"collector on exchange {exchange}: consuming")
    checks.check(on_default.wait_connected(), "collector on the default exchange: consuming")
    publish_e2e_and_wait(checks, program, [node.port, job, exchange, "topic"], on_exchange, job)
    # Everything it consumed has arrived: the other collector had as long.
    others = [series for series in on_default.samples() if job in series]
    checks.check(not others, f"the collector on the default exchange got none of them: {others}")
    checks.check(f"bound to exchange '{exchange}'" in on_exchange.log(), "the collector logs the exchange it binds to")
finally:
    checks.check(on_exchange.stop() == 0, "collector on the exchange stopped cleanly")
    checks.check(on_default.stop() == 0, "collector on the default exchange stopped cleanly")
checks.exit()
