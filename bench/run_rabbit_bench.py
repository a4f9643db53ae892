#!/usr/bin/env python3
"""Runs the RabbitMQ handler benchmarks against a private broker node
(test/rabbitmq/rabbit_node.py), always stopping it afterwards.

Usage: run_rabbit_bench.py BUILD_DIR/bench/phanos_rabbit_bench [benchmark options...]
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "rabbitmq"))
from rabbit_node import Node  # noqa: E402

node = Node()
try:
    print(f"rabbitmq node on port {node.port} started in {node.start():.1f} s", flush=True)
    code = subprocess.run(sys.argv[1:], env=dict(os.environ, PHANOS_BENCH_AMQP_PORT=str(node.port))).returncode
finally:
    node.stop()
    node.remove()
sys.exit(code)
