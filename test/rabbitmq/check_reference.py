"""The reference scenario through a real handler to a real broker: every
message, as an independent consumer received it, must be what Python phanos
published (rabbitmq_messages.json): exchange, routing key, and the body
byte for byte, times masked as the reference masks them. Where Python sends
no properties, phanos sends two more: content_type application/json and a
message_id unique to each message (README.md's deviations from Python).

sync (ImpProfHandler) publishes each hand-over as Python does: the same
messages. async (AsyncImpProfHandler) joins waiting hand-overs of one metric
into one message: per metric, its messages' records, joined in order, must
be Python's byte for byte, and no message may mix metrics.

Usage: check_reference.py sync|async SCENARIO CONSUMER NODE_STATE REFERENCE_JSON
"""
import json
import re
import sys

from harness import Checks, Consumer, finish_program, start_program
from rabbit_node import Node

mode, scenario, consumer_bin, state, reference_path = sys.argv[1:6]
node = Node.load(state)
with open(reference_path) as f:
    reference = json.load(f)


def masked(body):
    # As gen_reference.py: elapsed times vary per run.
    return re.sub(r'\["observe",[0-9.e+-]+\]', '["observe","<ms>"]', body) if '"mS"' in body else body


def metric_of(body):
    """A message's metric, as its records say it (type and units), or None
    when its records are of several."""
    kinds = {(r["metric"], r["units"]) for r in json.loads(body)}
    return kinds.pop() if len(kinds) == 1 else None


def records_by_metric(messages):
    """Per metric, the records of its messages joined in order: one JSON
    list, as the bodies spell them."""
    joined = {}
    for message in messages:
        body = masked(message["raw_body"])
        joined.setdefault(metric_of(body), []).append(body[1:-1])
    return {metric: "[" + ",".join(parts) + "]" for metric, parts in joined.items()}


def record_count(messages):
    return sum(len(json.loads(m["raw_body"])) for m in messages)


checks = Checks()
consumer = Consumer(consumer_bin, node.port, 20, len(reference) if mode == "sync" else -1)
code, out, err, _ = finish_program(start_program([scenario, mode, node.port]))
sys.stderr.write(err)
checks.check(code == 0 and f"scenario {mode} done" in out, f"scenario ran to its end (exit {code})")
if mode == "sync":
    received = consumer.messages()
    checks.check(len(received) == len(reference), f"{len(reference)} messages arrived, got {len(received)}")
else:
    expected_records = record_count(reference)
    consumer.wait_for(lambda messages: record_count(messages) >= expected_records, 20)
    received = consumer.stop()
    checks.check(record_count(received) == expected_records,
                 f"{expected_records} records arrived, got {record_count(received)}")
    checks.check(None not in records_by_metric(received), "no message mixes metrics")
    got, want = records_by_metric(received), records_by_metric(reference)
    checks.check(got == want, f"per metric, the records in order are Python's byte for byte "
                              f"({len(reference)} messages in Python, {len(received)} here)")
    if got != want:
        print("  got:  " + json.dumps(got) + "\n  want: " + json.dumps(want))
for i, (got, want) in enumerate(zip(received, reference)):
    checks.check(got["exchange"] == want["exchange"], f"message {i}: exchange {got['exchange']!r}")
    checks.check(got["routing_key"] == want["routing_key"], f"message {i}: routing key {got['routing_key']!r}")
    checks.check(want["content_type"] is None and got["content_type"] == "application/json",
                 f"message {i}: content type {got['content_type']!r} (Python: none)")
    checks.check(re.fullmatch(r"[0-9a-f]{16}-[0-9]+", got["message_id"] or "") is not None,
                 f"message {i}: message_id {got['message_id']!r}")
    if mode == "sync":
        same = masked(got["raw_body"]) == want["raw_body"]
        checks.check(same, f"message {i}: body identical to Python's")
        if not same:
            print("  got:  " + masked(got["raw_body"]) + "\n  want: " + want["raw_body"])
ids = [m["message_id"] for m in received]
checks.check(len(set(ids)) == len(ids), f"every message_id is unique ({len(ids)} messages)")
checks.exit()
