"""The RabbitMQ node the tests that do not stop it share (ctest fixture),
with a TLS listener whose certificates are made in TLS_DIR.

Usage: node_fixture.py start STATE_FILE TLS_DIR | stop STATE_FILE
"""
import os
import sys

import tls_certificates
from rabbit_node import Node

action, state = sys.argv[1], sys.argv[2]
if action == "start":
    node = Node(tls=tls_certificates.make(sys.argv[3]))
    try:
        seconds = node.start()
    finally:
        node.save(state)  # even half-started, cleanup must find it
    print(f"rabbitmq node {node.name} on port {node.port} (TLS {node.tls_port}), started in {seconds:.1f} s")
else:
    if not os.path.exists(state):
        sys.exit(0)
    node = Node.load(state)
    node.stop()
    node.remove()
    os.remove(state)
    print(f"rabbitmq node on port {node.port} stopped")
