"""phanos-collector against what can go wrong, with a real broker and a
real publisher (publisher.cpp).

Usage: faults.py TEST COLLECTOR PUBLISHER [NODE_STATE]
  malformed       shared node; every kind of bad message, and the series cap
  load            shared node; 200,000 records queued while the collector is
                  down, then drained: its throughput, and /metrics latency meanwhile
  broker_restart  own node, restarted under the running collector
"""
import json
import os
import statistics
import sys
import time

from collector_harness import Checks, Collector, Node, promtool_check, publish, record, samples, wait_until

test, collector_bin, publisher = sys.argv[1:4]
state = sys.argv[4] if len(sys.argv) > 4 else None
checks = Checks()


def body(*records):
    return json.dumps(list(records), separators=(",", ":"))


def malformed():
    node = Node.load(state)
    collector = Collector(collector_bin, node.port, f"phanos-malformed-{os.getpid()}", "--max-series", "3")
    try:
        checks.check(collector.wait_connected(), "collector: consuming")
        bad = [
            "not json at all", "", '{"a": 1}', body({"metric": "gauge"}),
            # An unknown metric type, which the log quotes: whoever may publish
            # must not forge a line of the collector's log with it.
            body(record("histo\ngram\nphanos-collector error: FORGED", ["observe", 1])),
            body(record("gauge", ["set", 1], labels={"big": "x" * 2000})),
            body(record("gauge", ["set", 1], labels={"label_%d" % i: "v" for i in range(40)})),
            "[" + json.dumps("x" * (5 << 20)) + "]",
            body(record("counter", ["inc", -1])),
            body(record("enum", ["state", 3])),
        ]
        good = [body(record("gauge", ["set", 4], method=f"Service:m{i}")) for i in range(5)]
        good.append(body(record("gauge", ["set", 1], units="escapes",
                                labels={"path": 'C:\\dir "quoted"\nnext line', "error_raised": True})))
        publish(publisher, node.port, bad + good)
        expected = {"not_json": 2, "not_a_list": 1, "wrong_shape": 1, "unknown_metric_type": 1, "too_large": 3,
                    "bad_value": 2, "type_conflict": 0, "too_many_metrics": 0}
        total = len(bad) + len(good)
        checks.check(wait_until(lambda: collector.value("phanos_collector_messages_total") == total, 20),
                     f"all {total} messages consumed")
        got = collector.samples()
        for reason, count in expected.items():
            value = got.get(f'phanos_collector_rejected_total{{reason="{reason}"}}')
            checks.check(value == count, f"rejected as {reason}: {count} (got {value})")
        checks.check(got.get("phanos_collector_dropped_series_total") == 2,
                     f"series cap 3: 2 of 5 gauge series dropped (got {got.get('phanos_collector_dropped_series_total')})")
        checks.check(got.get("phanos_collector_records_total") == 4, "4 records aggregated (3 under the cap + 1)")
        checks.check(sum(1 for s in got if s.startswith("phanos_items{")) == 3, "3 series of phanos_items exposed")
        text = collector.metrics()
        escaped = 'path="C:\\\\dir \\"quoted\\"\\nnext line",error_raised="true"} 1'
        checks.check(escaped in text, "label values escaped in the exposition")
        ok, output = promtool_check(text)
        checks.check(ok, f"promtool check metrics accepts the output {output.strip()}")
        checks.check(collector.process.poll() is None, "the collector is still running")
        log = collector.log()
        for reason in expected:
            if expected[reason]:
                checks.check(f"[{reason}]" in log, f"the log names the {reason} rejection")
        checks.check(log.count("maximum of series") == 1, "the series cap is logged once, not per record")
        checks.check('unknown metric type "histo\\ngram\\nphanos-collector error: FORGED"' in log,
                     "the log quotes the unknown metric type escaped")
        checks.check(not any(line.startswith("phanos-collector error: FORGED") for line in log.splitlines()),
                     "no forged line in the log")
    finally:
        checks.check(collector.stop() == 0, "collector stopped cleanly")


def load():
    node = Node.load(state)
    queue = f"phanos-load-{os.getpid()}"
    messages, per_message, methods = 4000, 50, 100
    total = messages * per_message
    # The queue exists once a collector declared it; it keeps what arrives while none runs.
    first = Collector(collector_bin, node.port, queue)
    checks.check(first.wait_connected(), "collector: queue declared")
    checks.check(first.stop() == 0, "collector stopped, the queue stays")
    batches = [body(*[record("histogram", ["observe", (i * 7 + j) % 50 / 10], units="mS",
                             method=f"Service:handle.m{(i + j) % methods}",
                             labels={"error_raised": j % 10 == 0}) for j in range(per_message)]) for i in range(20)]
    started = time.monotonic()
    publish(publisher, node.port, batches, repeat=messages // len(batches))
    print(f"observed: {messages} messages of {per_message} records ({len(batches[0])} bytes each) published in "
          f"{time.monotonic() - started:.2f} s")

    collector = Collector(collector_bin, node.port, queue)
    started = time.monotonic()
    latencies, done = [], None
    try:
        while time.monotonic() - started < 60:
            t0 = time.monotonic()
            text = collector.metrics() if collector.process.poll() is None else ""
            latencies.append(time.monotonic() - t0)
            if samples(text).get("phanos_collector_records_total") == total:
                done = time.monotonic() - started
                break
            time.sleep(0.05)
        checks.check(done is not None, f"all {total} records aggregated")
        if done:
            print(f"observed: phanos-collector drained {total} records ({messages} messages) through the broker in "
                  f"{done:.2f} s: {total / done:,.0f} records/s, {messages / done:,.0f} messages/s")
        print(f"observed: {len(latencies)} scrapes of /metrics meanwhile: median "
              f"{statistics.median(latencies) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms")
        checks.check(max(latencies) < 1.0, "every scrape under load answered within 1 s")
        got = collector.samples()
        series = got.get("phanos_collector_series")
        distinct = {(r["method"], r["labels"]["error_raised"]) for b in batches for r in json.loads(b)}
        checks.check(series == len(distinct), f"{len(distinct)} series (method x error_raised), got {series}")
        count = sum(v for k, v in got.items() if k.startswith("time_profiler_count{"))
        checks.check(count == total, f"time_profiler_count adds up to {total} (got {count:.0f})")
    finally:
        checks.check(collector.stop() == 0, "collector stopped cleanly")


def broker_restart():
    node = Node()
    collector, log = None, ""
    try:
        print(f"observed: broker started in {node.start():.1f} s", flush=True)
        collector = Collector(collector_bin, node.port, "phanos-restart")
        checks.check(collector.wait_connected(), "collector: consuming")
        series = 'phanos_items{job="collector_test",item="Service",method="Service:handle",error_raised="false"}'
        publish(publisher, node.port, [body(record("gauge", ["set", 4]))])
        checks.check(wait_until(lambda: collector.value(series) == 4, 10), "before the restart: gauge 4 arrived")
        node.stop()
        checks.check(wait_until(lambda: collector.value("phanos_collector_broker_connected") == 0, 10),
                     "broker down: the collector says it is disconnected")
        time.sleep(2)  # a few failed reconnections
        checks.check(collector.process.poll() is None and collector.value(series) == 4,
                     "broker down: the collector runs on and still serves what it had")
        restarted = time.monotonic()
        print(f"observed: broker restarted in {node.start():.1f} s", flush=True)
        checks.check(collector.wait_connected(connections=2, timeout=30), "broker back: the collector reconnected")
        print(f"observed: reconnected {time.monotonic() - restarted:.1f} s after the restart began")
        publish(publisher, node.port, [body(record("gauge", ["set", 9]))])
        checks.check(wait_until(lambda: collector.value(series) == 9, 10),
                     "after the restart: the queue is declared and bound again, gauge 9 arrived")
        log = collector.log()
    finally:
        if collector:
            checks.check(collector.stop() == 0, "collector stopped cleanly")
        node.stop()
        node.remove()
    lost = [line for line in log.splitlines() if "connection lost" in line]
    refused = [line for line in log.splitlines() if "cannot connect" in line]
    checks.check(len(lost) == 1, f"the outage is logged once as a lost connection ({len(lost)} lines)")
    checks.check(len(refused) <= 2, f"failed reconnections are not logged one by one ({len(refused)} lines)")


{"malformed": malformed, "load": load, "broker_restart": broker_restart}[test]()
checks.exit()
