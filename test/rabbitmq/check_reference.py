"""The reference scenario through a real handler to a real broker: every
message, as an independent consumer received it, must be what Python phanos
published (rabbitmq_messages.json): exchange, routing key, no content type,
and the body byte for byte, times masked as the reference masks them.

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


checks = Checks()
consumer = Consumer(consumer_bin, node.port, 20, len(reference))
code, out, err, _ = finish_program(start_program([scenario, mode, node.port]))
sys.stderr.write(err)
checks.check(code == 0 and f"scenario {mode} done" in out, f"scenario ran to its end (exit {code})")
received = consumer.messages()
checks.check(len(received) == len(reference), f"{len(reference)} messages arrived, got {len(received)}")
for i, (got, want) in enumerate(zip(received, reference)):
    checks.check(got["exchange"] == want["exchange"], f"message {i}: exchange {got['exchange']!r}")
    checks.check(got["routing_key"] == want["routing_key"], f"message {i}: routing key {got['routing_key']!r}")
    checks.check(got["content_type"] == want["content_type"], f"message {i}: content type {got['content_type']!r}")
    checks.check(got["properties_flags"] == 0, f"message {i}: no properties, as pika's basic_publish without them")
    same = masked(got["raw_body"]) == want["raw_body"]
    checks.check(same, f"message {i}: body identical to Python's")
    if not same:
        print("  got:  " + masked(got["raw_body"]) + "\n  want: " + want["raw_body"])
checks.exit()
