"""From a profiled program to a Prometheus query, with nothing mocked: the
instrumented e2e_program publishes through ImpProfHandler to the shared
RabbitMQ node, phanos-collector consumes and serves /metrics, a real
Prometheus server scrapes it every second, and the test asks Prometheus'
HTTP API for the counts, the labels (error_raised included) and the gauge;
the collector's call tree (/api/tree) nests the same calls.

Usage: end_to_end.py COLLECTOR E2E_PROGRAM NODE_STATE
"""
import json
import os
import subprocess
import sys
import time

from collector_harness import Checks, Collector, Node, Prometheus, http_get, promtool_check

collector_bin, program, state = sys.argv[1:4]
node = Node.load(state)
checks = Checks()
job = f"e2e_{os.getpid()}"
started = time.monotonic()

# Service:handle calls Service:handle.child; two of seven calls fail (e2e_program.cpp).
expected_counts = {
    ("Service:handle", "false"): 5, ("Service:handle", "true"): 2,
    ("Service:handle.child", "false"): 5, ("Service:handle.child", "true"): 2,
    ("Service:report", "false"): 1,
}

collector = Collector(collector_bin, node.port, f"phanos-e2e-{os.getpid()}")
prometheus = None
try:
    checks.check(collector.wait_connected(), "collector: consuming from the broker")
    prometheus = Prometheus(f"127.0.0.1:{collector.port}")
    checks.check(prometheus.wait_ready(), "prometheus: ready")

    run = subprocess.run([program, str(node.port), job], capture_output=True, text=True, timeout=60)
    sys.stderr.write(run.stderr)
    checks.check(run.returncode == 0, f"e2e_program ran to its end (exit {run.returncode}): {run.stdout.strip()}")

    count_query = f'time_profiler_count{{job="{job}"}}'

    waited = time.monotonic()
    counts = prometheus.wait_for_counts(count_query, expected_counts)
    print(f"observed: Prometheus had every count {time.monotonic() - waited:.1f} s after the program ended")
    results = prometheus.query(count_query)
    print(f"query {count_query}:")
    for labels, value in sorted(results, key=lambda r: (r[0]["method"], r[0]["error_raised"])):
        print(f"  {labels} => {value:g}")
    checks.check(counts is not None, f"time_profiler_count per method and error_raised is {expected_counts}")
    checks.check(all(labels.get("item") == "Service" and labels.get("instance") for labels, _ in results),
                 "every series has item=\"Service\" and the scrape's instance label")

    inf_query = f'time_profiler_bucket{{job="{job}",le="+Inf"}}'
    buckets = {(m["method"], m["error_raised"]): v for m, v in prometheus.query(inf_query)}
    checks.check(buckets == expected_counts, f"{inf_query}: the +Inf bucket holds every call")
    failing = prometheus.query(f'sum(time_profiler_count{{job="{job}",error_raised="true"}})')
    checks.check(len(failing) == 1 and failing[0][1] == 4, f"4 records with error_raised=\"true\": {failing}")
    sums = prometheus.query(f'time_profiler_sum{{job="{job}"}}')
    checks.check(len(sums) == 5 and all(0 <= v < 1000 for _, v in sums), "time_profiler_sum: 5 series of milliseconds")

    gauge_query = f'phanos_items{{job="{job}"}}'
    gauge = prometheus.query(gauge_query)
    print(f"query {gauge_query}: {gauge}")
    checks.check(len(gauge) == 1 and gauge[0][1] == 7.5, "the gauge is 5 + 3.5 - 1 = 7.5")
    if gauge:
        labels = gauge[0][0]
        want = {"job": job, "item": "Service", "method": "Service:report", "queue": "jobs", "error_raised": "false"}
        checks.check(all(labels.get(k) == v for k, v in want.items()), f"the gauge's labels include {want}")

    # The call tree on the collector's listener: the same calls, nested.
    tree = json.loads(http_get(f"http://127.0.0.1:{collector.port}/api/tree?job={job}"))
    roots = {root["path"]: root for root in tree["roots"]}
    handle = roots.get("Service:handle", {"children": []})
    child = next((c for c in handle["children"] if c["path"] == "Service:handle.child"), {})
    summary = {path: (root.get("count"), root.get("errors")) for path, root in roots.items()}
    summary["Service:handle.child"] = (child.get("count"), child.get("errors"))
    print(f"/api/tree?job={job}: {summary}")
    checks.check(summary == {"Service:handle": (7, 2), "Service:handle.child": (7, 2), "Service:report": (1, 0)},
                 "/api/tree: handle (7 calls, 2 raised) with child under it, report beside it")
    page = http_get(f"http://127.0.0.1:{collector.port}/?job={job}")
    checks.check("<title>phanos call tree</title>" in page and "<script src=" not in page,
                 "GET / is the call-tree page, its script inline")

    up = prometheus.query('up{job="phanos-collector"}')
    checks.check(len(up) == 1 and up[0][1] == 1, "Prometheus scrapes the collector successfully (up == 1)")

    text = collector.metrics()
    ok, output = promtool_check(text)
    checks.check(ok, f"promtool check metrics accepts the collector's output {output.strip()}")
    print("sample of /metrics:")
    for line in text.splitlines():
        if job in line and ("Service:handle\"" in line or "phanos_items" in line) or line.startswith("# TYPE"):
            print("  " + line)
finally:
    if prometheus:
        checks.check(prometheus.stop() == 0, "prometheus stopped cleanly")
    checks.check(collector.stop() == 0, "collector stopped cleanly on SIGTERM")
print(f"observed: end-to-end test took {time.monotonic() - started:.1f} s")
checks.exit()
