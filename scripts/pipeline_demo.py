"""The whole pipeline on this machine, for `bash scripts/demo.sh --pipeline`:
a private RabbitMQ node, phanos-collector consuming from it, a Prometheus
server scraping the collector, and the example service (examples/service.cpp)
publishing its records for SECONDS. Prints the call-tree page's URL and a
PromQL query with Prometheus' answer. Everything it started is stopped by
pid when it ends, on Ctrl-C too; started from a terminal it keeps serving
until Ctrl-C, so that the page can be looked at.

The node and the Prometheus server are started as the tests start them
(test/rabbitmq/rabbit_node.py, test/collector/collector_harness.py).

Usage: pipeline_demo.py COLLECTOR SERVICE SECONDS
"""
import os
import re
import signal
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "test", "collector"))
from collector_harness import Collector, Prometheus, wait_until  # noqa: E402
from rabbit_node import Node  # noqa: E402

collector_bin, service, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
job = "example_shop"
query = f'sum by (method) (time_profiler_count{{job="{job}"}})'


def interrupted(signal_number, frame):
    raise KeyboardInterrupt


# A closed terminal or a kill stops everything as Ctrl-C does; Ctrl-C too
# when started by a shell that ignores SIGINT for background jobs.
for stop_signal in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(stop_signal, interrupted)


def say(text):
    print(f"\n==> {text}", flush=True)


node = collector = prometheus = None
try:
    node = Node()
    say(f"RabbitMQ node on 127.0.0.1:{node.port} (files in {node.base})")
    node.start()
    collector = Collector(collector_bin, node.port, "phanos-demo")
    say(f"phanos-collector on 127.0.0.1:{collector.port}")
    prometheus = Prometheus(f"127.0.0.1:{collector.port}")
    if not prometheus.wait_ready():
        raise RuntimeError("Prometheus did not get ready: " + prometheus.log())
    say(f"Prometheus on {prometheus.api}, scraping the collector every second")

    say(f"the example service publishes for {seconds} s; meanwhile, the call tree:\n"
        f"    http://127.0.0.1:{collector.port}/?job={job}")
    run = subprocess.run([service, str(node.port), job, str(seconds)], capture_output=True, text=True,
                         timeout=seconds + 60)
    print(run.stdout.strip() + run.stderr)
    if run.returncode != 0:
        raise RuntimeError(f"the example service failed (exit {run.returncode})")

    searches = int(re.search(r"(\d+) searches", run.stdout).group(1))

    def every_search_counted():
        answer = prometheus.query(query)
        counted = {labels.get("method"): value for labels, value in answer}
        return answer if counted.get("Shop:search") == searches else None

    say(f"PromQL: {query}")
    # The last records reach Prometheus within a scrape or two.
    answer = wait_until(every_search_counted, 15, interval=1)
    if not answer:
        raise RuntimeError(f"Prometheus does not count the service's {searches} searches: {prometheus.query(query)}")
    for labels, value in sorted(answer, key=lambda r: r[0]["method"]):
        print(f"    {labels['method']}: {value:g} calls")

    say(f"the call tree: http://127.0.0.1:{collector.port}/?job={job}\n"
        f"    Prometheus: {prometheus.api}/graph")
    if sys.stdin.isatty():
        say("serving until Ctrl-C")
        while True:
            time.sleep(3600)
except KeyboardInterrupt:
    pass
finally:
    say("stopping")
    if prometheus:
        prometheus.stop()
    if collector:
        collector.stop()
    if node:
        node.stop()
        node.remove()
