"""A program configured only through PHANOS_CONFIG with a PrometheusHandler,
scraped by a real Prometheus server: the counts Prometheus holds equal the
calls the program made, the call tree's quantiles equal PromQL's
histogram_quantile() of the same buckets, promtool accepts its /metrics,
and a second program given the same port logs it once and runs on.

Usage: scraped_by_prometheus.py HANDLER_PROGRAM
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "collector"))
from collector_harness import Checks, Prometheus, http_get, promtool_check  # noqa: E402
from handler_process import HandlerProcess  # noqa: E402

program = sys.argv[1]
checks = Checks()
job = f"handler_{os.getpid()}"
# Service:handle calls Service:handle.child; two of seven calls fail (handler_program.cpp).
expected_counts = {
    ("Service:handle", "false"): 5, ("Service:handle", "true"): 2,
    ("Service:handle.child", "false"): 5, ("Service:handle.child", "true"): 2,
}

served = HandlerProcess(program, job)
checks.check(served.ready_line == "handler_program: calls done, 2 failures", f"program ran: {served.ready_line!r}")
prometheus = None
try:
    prometheus = Prometheus(f"127.0.0.1:{served.port}")
    checks.check(prometheus.wait_ready(), "prometheus: ready")
    count_query = f'time_profiler_count{{job="{job}"}}'
    waited = time.monotonic()
    counts = prometheus.wait_for_counts(count_query, expected_counts)
    print(f"observed: Prometheus had every count {time.monotonic() - waited:.1f} s after it started scraping")
    for labels, value in sorted(prometheus.query(count_query), key=lambda r: (r[0]["method"], r[0]["error_raised"])):
        print(f"  {labels} => {value:g}")
    checks.check(counts is not None, f"time_profiler_count per method and error_raised is {expected_counts}")
    buckets = {(m["method"], m["error_raised"]): v
               for m, v in prometheus.query(f'time_profiler_bucket{{job="{job}",le="+Inf"}}')}
    checks.check(buckets == expected_counts, "the +Inf bucket holds every call")
    # The default bounds, in a program configured while the runtime loads.
    below_10_s = {(m["method"], m["error_raised"]): v
                  for m, v in prometheus.query(f'time_profiler_bucket{{job="{job}",le="10000"}}')}
    checks.check(below_10_s == expected_counts, "the default buckets are there: every call is under le=\"10000\"")
    # The call tree's quantiles are PromQL's: the same buckets give the same p50/p95/p99.
    tree = json.loads(http_get(f"http://127.0.0.1:{served.port}/api/tree?job={job}"))
    stack, by_path = list(tree["roots"]), {}
    while stack:
        node = stack.pop()
        by_path[node["path"]] = node
        stack.extend(node["children"])
    for q, key in ((0.5, "p50"), (0.95, "p95"), (0.99, "p99")):
        promql = {m["method"]: v for m, v in prometheus.query(
            f'histogram_quantile({q}, sum by (le, method) (time_profiler_bucket{{job="{job}"}}))')}
        ours = {path: node[key] for path, node in by_path.items()}
        checks.check(promql.keys() == ours.keys() and all(abs(promql[m] - ours[m]) <= 1e-9 * max(1, promql[m])
                                                          for m in promql),
                     f"/api/tree's {key} equals PromQL's histogram_quantile({q}): {ours} vs {promql}")

    up = prometheus.query('up{job="phanos-collector"}')
    checks.check(len(up) == 1 and up[0][1] == 1, "Prometheus scrapes the program successfully (up == 1)")

    text = served.metrics()
    ok, output = promtool_check(text)
    checks.check(ok, f"promtool check metrics accepts the program's /metrics {output.strip()}")

    # The same port again: the second program logs it once and runs on.
    second = HandlerProcess(program, job + "_second", port=served.port)
    checks.check(second.ready_line == "handler_program: calls done, 2 failures",
                 f"a program whose port is taken runs its calls: {second.ready_line!r}")
    code, _, err = second.stop()
    print("second program's stderr:\n" + err)
    checks.check(code == 0, f"and exits normally (exit {code})")
    checks.check(err.count("cannot listen on") == 1 and f"127.0.0.1:{served.port}: Address already in use" in err,
                 "the port in use is logged once, with the address")
finally:
    if prometheus:
        checks.check(prometheus.stop() == 0, "prometheus stopped cleanly")
    code, _, err = served.stop()
    sys.stderr.write("--- program's stderr\n" + err)
    checks.check(code == 0, f"the program ended normally (exit {code})")
checks.exit()
