"""A private RabbitMQ node for the tests (see plugin-notes, "RabbitMQ for
tests"): Debian's rabbitmq-server on free ports, its files in a temporary
directory, run as user rabbitmq when we are root (the node refuses to share
root's files), stopped by its pid. Each node has its own Erlang port mapper
(epmd) on a free port too, stopped with it, so that nothing is left running
and concurrent nodes do not share one.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

RABBIT_BIN = "/usr/lib/rabbitmq/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Node:
    def __init__(self, port=None, base=None, epmd_port=None, tls=None, tls_port=None, name=None, shares_epmd=False):
        """`tls`: tls_certificates.make()'s files, for a TLS listener on
        tls_port that wants a client certificate from the same CA.
        `shares_epmd`: the port mapper on epmd_port serves other nodes too
        (a cluster's, which find each other through it), so stop() leaves it
        running; whoever shares it stops it (stop_epmd())."""
        self.port = port or free_port()
        self.epmd_port = epmd_port or free_port()
        self.shares_epmd = shares_epmd
        self.tls = tls
        self.tls_port = (tls_port or free_port()) if tls else None
        self.name = name or f"phanos-{self.port}@localhost"
        self.base = base or tempfile.mkdtemp(prefix=f"phanos-rabbit-{self.port}-")
        self.process = None  # the rabbitmq-server we started, if this process did
        self.leader = None   # its pid, which leads its session (process group)
        self.as_rabbitmq = os.geteuid() == 0
        if self.as_rabbitmq:
            shutil.chown(self.base, "rabbitmq", "rabbitmq")
        with open(os.path.join(self.base, "enabled_plugins"), "w") as f:
            f.write("[].\n")
        with open(self._config_file(), "w") as f:
            f.write(self._tls_config())
        if self.as_rabbitmq:
            shutil.chown(os.path.join(self.base, "enabled_plugins"), "rabbitmq", "rabbitmq")
            shutil.chown(self._config_file(), "rabbitmq", "rabbitmq")

    def _config_file(self):
        return os.path.join(self.base, "rabbitmq.conf")

    def _tls_config(self):
        if not self.tls:
            return ""
        return (f"listeners.ssl.default = {self.tls_port}\n"
                f"ssl_options.cacertfile = {self.tls['ca.pem']}\n"
                f"ssl_options.certfile = {self.tls['server.pem']}\n"
                f"ssl_options.keyfile = {self.tls['server.key']}\n"
                "ssl_options.verify = verify_peer\n"
                "ssl_options.fail_if_no_peer_cert = true\n")

    def _env(self):
        b = self.base
        return {
            "HOME": b,  # the Erlang cookie, shared by the node and rabbitmqctl
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "ERL_EPMD_PORT": str(self.epmd_port),
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_DIST_PORT": str(free_port()),
            "RABBITMQ_MNESIA_BASE": os.path.join(b, "mnesia"),
            "RABBITMQ_LOG_BASE": os.path.join(b, "log"),
            "RABBITMQ_PID_FILE": os.path.join(b, "node.pid"),
            "RABBITMQ_FEATURE_FLAGS_FILE": os.path.join(b, "feature_flags"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": os.path.join(b, "enabled_plugins"),
            "RABBITMQ_CONFIG_FILE": self._config_file(),
        }

    def _command(self, tool, *args):
        return self._command_path(os.path.join(RABBIT_BIN, tool), *args)

    def _command_path(self, program, *args):
        env = [f"{k}={v}" for k, v in self._env().items()]
        command = ["env", "-i"] + env + [program] + list(args)
        return (["runuser", "-u", "rabbitmq", "--"] if self.as_rabbitmq else []) + command

    def start(self, timeout=60):
        """Starts the node and waits for its AMQP port (and TLS port); returns
        seconds taken."""
        started = time.monotonic()
        log = open(os.path.join(self.base, "server.out"), "ab")
        self.process = subprocess.Popen(self._command("rabbitmq-server"), stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.leader = self.process.pid
        while not (port_open(self.port) and (not self.tls or port_open(self.tls_port))):
            if self.process.poll() is not None:
                raise RuntimeError(f"rabbitmq-server exited with {self.process.returncode}; see {self.base}")
            if time.monotonic() - started > timeout:
                self.stop()
                raise RuntimeError(f"rabbitmq-server did not open port {self.port} in {timeout} s")
            time.sleep(0.1)
        return time.monotonic() - started

    def stop(self):
        """Stops the node by its pid: the session it leads, then the Erlang VM
        (whose pid the node wrote) if it outlived it. Waits for the port to close."""
        if self.leader is None:
            return
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
            if not self._signal_group(sig):
                break
            deadline = time.monotonic() + wait
            while self._group_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
        try:
            with open(os.path.join(self.base, "node.pid")) as f:
                os.kill(int(f.read().strip()), signal.SIGKILL)
        except (OSError, ValueError):
            pass
        deadline = time.monotonic() + 10
        while port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.leader = self.process = None
        if not self.shares_epmd:
            self.stop_epmd()

    def kill(self):
        """SIGKILL, as a crash or the OOM killer would end the node (no
        goodbye to its clients, its files as they were); then as stop()."""
        if self.leader is not None:
            self._signal_group(signal.SIGKILL)
        self.stop()

    def stop_epmd(self):
        # The node started epmd as a daemon (outside its session); no node is
        # registered with it any more, so it agrees to stop.
        subprocess.run(self._command_path("epmd", "-port", str(self.epmd_port), "-kill"), capture_output=True,
                       timeout=30)

    def _signal_group(self, sig):
        try:
            os.killpg(self.leader, sig)
            return True
        except ProcessLookupError:
            return False

    def _group_alive(self):
        if self.process is not None:
            self.process.poll()  # reap our child, or the group never looks empty
        return self._signal_group(0)

    def ctl(self, *args, timeout=60):
        """rabbitmqctl against this node; returns its output. Raises
        RuntimeError with what rabbitmqctl said when it fails."""
        result = subprocess.run(self._command("rabbitmqctl", "-n", self.name, *args), capture_output=True, text=True,
                                timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"rabbitmqctl {' '.join(args)} on {self.name} failed (exit {result.returncode}): "
                               f"{(result.stderr or result.stdout).strip()}")
        return result.stdout

    def save(self, path):
        """For another process (the ctest fixture's cleanup) to stop it."""
        with open(path, "w") as f:
            json.dump({"port": self.port, "base": self.base, "epmd_port": self.epmd_port, "leader": self.leader,
                       "tls": self.tls, "tls_port": self.tls_port}, f)

    @classmethod
    def load(cls, path):
        with open(path) as f:
            state = json.load(f)
        node = cls(state["port"], state["base"], state["epmd_port"], state.get("tls"), state.get("tls_port"))
        node.leader = state["leader"]
        return node

    def remove(self):
        shutil.rmtree(self.base, ignore_errors=True)
