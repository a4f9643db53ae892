"""A private three-node RabbitMQ cluster for the tests: rabbit_node.Node's
nodes rabbit-a@localhost, rabbit-b@localhost and rabbit-c@localhost, each
on its own AMQP port with its own files, sharing one Erlang cookie and one
port mapper (epmd, through which the nodes and rabbitmqctl find each
other), joined with `rabbitmqctl stop_app / join_cluster / start_app`.
Everything lives in one temporary directory. Used as a context manager, the
cluster is stopped by pid and its directory removed on every way out: a
failed check, an exception, Ctrl-C or SIGTERM. A process killed outright
(ctest's time-out sends SIGKILL) cannot clean up: for that, `state_dir`
keeps the started nodes' rabbit_node state, which cluster_cleanup.py stops.
"""
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from rabbit_node import Node, free_port

LETTERS = "abc"


class Cluster:
    def __init__(self, state_dir=None):
        self.state_dir = state_dir
        self.base = tempfile.mkdtemp(prefix="phanos-cluster-")
        as_rabbitmq = os.geteuid() == 0
        if as_rabbitmq:
            shutil.chown(self.base, "rabbitmq", "rabbitmq")  # the nodes run as rabbitmq, inside it
        epmd_port = free_port()
        cookie = secrets.token_hex(20)
        self.nodes = []
        for letter in LETTERS:
            base = os.path.join(self.base, letter)
            os.mkdir(base)
            self._write_cookie(base, cookie, as_rabbitmq)
            self.nodes.append(Node(base=base, epmd_port=epmd_port, name=f"rabbit-{letter}@localhost",
                                   shares_epmd=True))
        self._previous_sigterm = None
        self.startup = {}  # seconds: start of the nodes, join

    @staticmethod
    def _write_cookie(home, cookie, as_rabbitmq):
        # Erlang reads $HOME/.erlang.cookie (Node sets HOME to its base); it
        # must be readable by its owner only.
        path = os.path.join(home, ".erlang.cookie")
        with open(path, "w") as f:
            f.write(cookie)
        os.chmod(path, 0o400)
        if as_rabbitmq:
            shutil.chown(home, "rabbitmq", "rabbitmq")
            shutil.chown(path, "rabbitmq", "rabbitmq")

    def __enter__(self):
        # Stopped from outside (timeout(1), a CI runner): leave through
        # __exit__ then too, so that no node outlives the test.
        if threading.current_thread() is threading.main_thread():
            self._previous_sigterm = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
        try:
            self.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *_):
        try:
            self.stop()
            self.remove()
        finally:
            if self._previous_sigterm is not None:
                signal.signal(signal.SIGTERM, self._previous_sigterm)

    def start(self):
        """Starts the three nodes at once, then joins b and c to a; the
        seconds each step took are left in `startup`. b and c stop and start
        their RabbitMQ at once, but join one after the other: with both joins
        at once a start_app failed (exit 69; what it said was not kept) once
        in about a dozen runs. (A node started without RabbitMQ,
        RABBITMQ_NODE_ONLY, would spare b and c a boot, but it does not start
        Erlang distribution, so it cannot join.)"""
        joining = self.nodes[1:]
        with ThreadPoolExecutor(len(self.nodes)) as pool:
            try:
                self.startup["start"] = round(max(pool.map(lambda node: node.start(timeout=120), self.nodes)), 1)
            finally:
                self._save(range(len(self.nodes)))  # even half-started, cluster_cleanup.py must find them
            started = time.monotonic()
            list(pool.map(lambda node: node.ctl("stop_app", timeout=120), joining))
            for node in joining:
                node.ctl("join_cluster", self.nodes[0].name, timeout=120)
            list(pool.map(lambda node: node.ctl("start_app", timeout=120), joining))
            self.startup["join"] = round(time.monotonic() - started, 1)
        members = self.running_nodes()
        if sorted(members) != sorted(node.name for node in self.nodes):
            raise RuntimeError(f"the cluster has {members}, not every node; see {self.base}")

    def running_nodes(self):
        """The names of the nodes running in the cluster, as its first
        running node sees them."""
        return json.loads(self.running_node().ctl("cluster_status", "--formatter", "json"))["running_nodes"]

    def running_node(self):
        """A node to ask with rabbitmqctl (about the whole cluster): one this
        process runs."""
        return next(node for node in self.nodes if node.leader is not None)

    def kill_node(self, index):
        """Kills one node by its pid (SIGKILL: the others keep the cluster)."""
        self.nodes[index].kill()

    def start_node(self, index):
        """Starts a killed node again on its own files; it rejoins the
        cluster. Returns seconds taken."""
        try:
            return self.nodes[index].start(timeout=120)
        finally:
            self._save([index])  # its new pid

    def connections(self):
        """The index of the node each client connection of the cluster is on."""
        ports = self.running_node().ctl("list_connections", "--quiet", "--no-table-headers", "port").split()
        return [next(i for i, node in enumerate(self.nodes) if node.port == int(port)) for port in ports]

    def hosts(self, order=None):
        """"127.0.0.1:PORT,..." of the nodes, in `order` (indexes) or a, b, c."""
        return ",".join(f"127.0.0.1:{self.nodes[i].port}" for i in (order or range(len(self.nodes))))

    def stop(self):
        with ThreadPoolExecutor(len(self.nodes)) as pool:
            list(pool.map(lambda node: node.stop(), self.nodes))
        self.nodes[0].stop_epmd()

    def remove(self):
        for path in self._state_files(range(len(self.nodes))):
            if os.path.exists(path):
                os.remove(path)
        shutil.rmtree(self.base, ignore_errors=True)

    def _state_files(self, indexes):
        return [os.path.join(self.state_dir, f"{LETTERS[i]}.json") for i in indexes] if self.state_dir else []

    def _save(self, indexes):
        if self.state_dir:
            os.makedirs(self.state_dir, exist_ok=True)
        for index, path in zip(indexes, self._state_files(indexes)):
            self.nodes[index].save(path)
