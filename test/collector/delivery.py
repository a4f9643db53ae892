"""phanos-collector's delivery options on the shared RabbitMQ node:
--rabbit-hosts fails over from a node that is not there to the next one,
--queue-type quorum declares a durable quorum queue, every message is
acknowledged once aggregated (none left unacknowledged, none ready), and
--dedup-window drops a message whose message_id it has received before,
counting it in phanos_collector_duplicates_total.

Usage: delivery.py COLLECTOR PUBLISHER NODE_STATE
"""
import json
import os
import sys

from collector_harness import Checks, Collector, Node, drained_queue_state, free_port, publish, record, wait_until

collector_bin, publisher, state = sys.argv[1:4]
node = Node.load(state)
checks = Checks()
queue = f"phanos-delivery-{os.getpid()}"
job = f"delivery_{os.getpid()}"
gone = free_port()  # nothing listens there
nodes = f"127.0.0.1:{gone},127.0.0.1:{node.port}"
series = f'phanos_items{{job="{job}",item="Service",method="Service:handle",error_raised="false"}}'


collector = Collector(collector_bin, None, queue, "--rabbit-hosts", nodes, "--queue-type", "quorum",
                      "--prefetch", "4", "--dedup-window", "100")
try:
    checks.check(collector.wait_connected(), f"consuming after failing over from {gone} to {node.port}")
    checks.check(f"RabbitMQ at 127.0.0.1:{gone}: cannot connect" in collector.log(),
                 "the node that is not there is logged")
    checks.check(f"connected to 127.0.0.1:{node.port}, consuming quorum queue '{queue}'" in collector.log(),
                 "the log names the node and the queue type")

    # One message sent three times with one message_id, then 20 without.
    body = json.dumps([record("gauge", ["inc", 1], job=job)])
    publish(publisher, node.port, [body], repeat=3, message_id=f"{job}-1")
    publish(publisher, node.port, [body], repeat=20)
    arrived = wait_until(lambda: collector.value("phanos_collector_messages_total") == 23, 20)
    checks.check(arrived, f"23 messages received ({collector.value('phanos_collector_messages_total')})")
    checks.check(collector.value("phanos_collector_duplicates_total") == 2,
                 f"2 duplicates dropped ({collector.value('phanos_collector_duplicates_total')})")
    checks.check(collector.value(series) == 21, f"21 increments counted, each once ({collector.value(series)})")
    held = drained_queue_state(node, queue, 10)
    checks.check(held is not None and held[0] == "quorum", f"the broker holds a quorum queue: {held}")
    checks.check(held is not None and held[1:] == (0, 0), f"every message acknowledged, none waiting: {held}")
finally:
    checks.check(collector.stop() == 0, "collector stopped cleanly")
    node.ctl("delete_queue", queue)
checks.exit()
