"""Stops what a rabbitmq.cluster run left behind when it could not clean up
itself (ctest's time-out kills it with SIGKILL): the nodes whose
rabbit_node state rabbit_cluster.Cluster kept in STATE_DIR, their port
mapper (epmd), and the cluster's files. Nothing left: nothing to do.

Usage: cluster_cleanup.py STATE_DIR
"""
import glob
import os
import shutil
import sys

from rabbit_node import Node

paths = sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))
nodes = [Node.load(path) for path in paths]
for node in nodes:
    node.shares_epmd = True  # stopped once every node is
    node.stop()
    print(f"rabbitmq node on port {node.port} stopped")
if nodes:
    nodes[0].stop_epmd()
for node in nodes:
    shutil.rmtree(os.path.dirname(node.base), ignore_errors=True)  # the cluster's directory
for path in paths:
    os.remove(path)
