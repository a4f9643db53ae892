"""What the phanos-collector tests share: the collector, a Prometheus
server and the tests' publisher as processes (stopped by pid), and the
samples of a /metrics text. The RabbitMQ node and the checks come from
test/rabbitmq."""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rabbitmq"))
from harness import Checks  # noqa: E402,F401  (re-exported for the tests)
from rabbit_node import Node, free_port  # noqa: E402,F401


def http_get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{.*\})?) (\S+)$")


def samples(text):
    """{'name{labels}': value} of every sample line."""
    result = {}
    for line in text.splitlines():
        match = SAMPLE.match(line)
        if match:
            result[match.group(1)] = float(match.group(2))
    return result


def wait_until(condition, timeout, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    return condition()


def stop_process(process, timeout=10):
    """SIGTERM, then SIGKILL if it does not end; returns its exit code."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


class Collector:
    def __init__(self, binary, rabbit_port, queue, *options):
        """rabbit_port None: the options name the broker (--rabbit-hosts)."""
        self.log_file = tempfile.NamedTemporaryFile(prefix="phanos-collector-", suffix=".log", delete=False)
        # A free port can be taken by someone else before the collector binds
        # it (exit code 1, "cannot listen"): then another one.
        for attempt in range(3):
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}/metrics"
            broker = ["--rabbit-port", str(rabbit_port)] if rabbit_port is not None else []
            command = [binary, *broker, "--queue", queue, "--listen", f"127.0.0.1:{self.port}", *options]
            print("$ " + " ".join(command), flush=True)
            self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT)
            wait_until(lambda: self.process.poll() is not None or self.samples(), 10)
            if self.process.poll() is None and self.samples():
                return
            if self.process.returncode != 1 or "cannot listen" not in self.log():
                break
        raise RuntimeError(f"phanos-collector does not serve {self.url}: {self.log()}")

    def metrics(self):
        return http_get(self.url)

    def samples(self):
        try:
            return samples(self.metrics())
        except OSError:
            return {}

    def value(self, series, default=None):
        return self.samples().get(series, default)

    def wait_connected(self, connections=1, timeout=30):
        """Until the collector has consumed from the broker `connections` times."""
        return wait_until(lambda: self.samples().get("phanos_collector_broker_connected") == 1 and
                          self.samples().get("phanos_collector_broker_connections_total") == connections, timeout)

    def log(self):
        with open(self.log_file.name, errors="replace") as f:
            return f.read()

    def stop(self):
        return self._ended(stop_process(self.process), "")

    def kill(self):
        """SIGKILL, as a crash or the OOM killer would end it."""
        self.process.kill()
        return self._ended(self.process.wait(), " (killed)")

    def _ended(self, code, how):
        sys.stderr.write(f"--- collector log{how}\n" + self.log())
        os.unlink(self.log_file.name)
        return code


MESSAGES = "phanos_collector_messages_total"


def kill_part_way(collector, messages):
    """SIGKILLs `collector` once it has taken `messages` messages beyond the
    count it started from; returns (started from, at the kill)."""
    started_from = collector.value(MESSAGES)
    wait_until(lambda: collector.value(MESSAGES, 0) >= started_from + messages, 60, interval=0.01)
    at_kill = collector.value(MESSAGES)
    collector.kill()
    print(f"killed at {at_kill:.0f} messages, having started from {started_from:.0f}", flush=True)
    return started_from, at_kill


def calls_counted(samples, job):
    """The calls of `job` in a collector's samples: time_profiler_count,
    every series summed."""
    return sum(value for series, value in samples.items()
               if series.startswith("time_profiler_count{") and f'job="{job}"' in series)


def queue_state(node):
    """{name: (type, ready, unacknowledged)} of the node's queues."""
    rows = node.ctl("list_queues", "--quiet", "--no-table-headers", "name", "type", "messages_ready",
                    "messages_unacknowledged").splitlines()
    return {name: (kind, int(ready), int(unacked)) for name, kind, ready, unacked in (row.split("\t") for row in rows)}


def drained_queue_state(node, queue, timeout):
    """The queue's (type, ready, unacknowledged) once nothing is ready nor
    unacknowledged, or at the time-out. rabbitmqctl takes seconds per call:
    asked once, then every second only if the broker has not counted the
    last acknowledgements yet."""
    held = queue_state(node).get(queue)
    if held and held[1:] != (0, 0):
        wait_until(lambda: queue_state(node).get(queue, ("", -1, -1))[1:] == (0, 0), timeout, interval=1)
        held = queue_state(node).get(queue)
    return held


def publish(publisher, port, bodies, routing_key="collector_test", repeat=1, message_id=None):
    """Publishes each body (str) `repeat` times with the tests' publisher,
    with the property message_id when given."""
    lines = "".join(json.dumps(body) + "\n" for body in bodies)
    command = [publisher, str(port), routing_key, str(repeat)] + ([message_id] if message_id else [])
    result = subprocess.run(command, input=lines, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"publisher failed: {result.stderr}")
    return result


def record(metric, value, units="items", job="collector_test", method="Service:handle", labels=None, item="Service"):
    """One record as phanos publishes it (the wire format, docs/collector.md)."""
    return {"item": item, "metric": metric, "units": units, "job": job, "method": method,
            "labels": labels if labels is not None else {"error_raised": False}, "value": value}


def e2e_handle_counts(job):
    """Service:handle's count series as e2e_program.cpp makes its calls: 5
    succeed, 2 fail."""
    return {f'time_profiler_count{{job="{job}",item="Service",method="Service:handle",error_raised="{failed}"}}': n
            for failed, n in (("false", 5), ("true", 2))}


def publish_e2e_and_wait(checks, program, args, collector, job):
    """Runs e2e_program with `args` (it publishes, then exits) and waits
    until `collector` has every Service:handle call of `job`."""
    run = subprocess.run([program, *map(str, args)], capture_output=True, text=True, timeout=60)
    sys.stderr.write(run.stderr)
    checks.check(run.returncode == 0, f"e2e_program {' '.join(map(str, args))} published (exit {run.returncode})")
    counts = e2e_handle_counts(job)

    def arrived():
        got = collector.samples()
        return all(got.get(series) == count for series, count in counts.items())
    checks.check(wait_until(arrived, 20), f"the collector has every call: {counts}")


def promtool_check(text):
    """(ok, output) of `promtool check metrics` on a /metrics text."""
    result = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True, text=True, timeout=60)
    return result.returncode == 0, result.stdout + result.stderr


class Prometheus:
    """A real Prometheus server scraping `target` every second, its data in a
    temporary directory."""

    def __init__(self, target):
        self.base = tempfile.mkdtemp(prefix="phanos-prometheus-")
        self.target = target
        self.log_file = open(os.path.join(self.base, "prometheus.log"), "wb")
        self._start()

    def _start(self):
        self.port = free_port()
        config = os.path.join(self.base, "prometheus.yml")
        with open(config, "w") as f:
            # honor_labels: the records' job label is the one that counts,
            # not the scrape job's name.
            f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    "scrape_configs:\n  - job_name: phanos-collector\n    honor_labels: true\n"
                    f"    static_configs:\n      - targets: ['{self.target}']\n")
        command = ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={self.base}/data",
                   f"--web.listen-address=127.0.0.1:{self.port}", "--log.level=warn"]
        print("$ " + " ".join(command), flush=True)
        self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT)
        self.api = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout=30):
        def ready():
            if self.process.poll() is not None:
                # Its free port taken meanwhile: another one, a few times.
                if "address already in use" not in self.log() or self.restarts >= 2:
                    raise RuntimeError(f"prometheus exited with {self.process.returncode}: {self.log()}")
                self.restarts += 1
                self._start()
            try:
                return http_get(self.api + "/-/ready", timeout=1).strip() != ""
            except OSError:
                return False
        self.restarts = 0
        return wait_until(ready, timeout)

    def query(self, expression):
        """The instant vector of `expression`: [(labels dict, value)]."""
        reply = json.loads(http_get(self.api + "/api/v1/query?" + urllib.parse.urlencode({"query": expression})))
        if reply.get("status") != "success":
            raise RuntimeError(f"query {expression!r} failed: {reply}")
        return [(r["metric"], float(r["value"][1])) for r in reply["data"]["result"]]

    def wait_for_counts(self, query, expected, timeout=30):
        """Until `query` gives {(method, error_raised): value} == `expected`;
        that dict, or None on time-out."""
        def counts():
            try:
                got = {(m["method"], m["error_raised"]): v for m, v in self.query(query)}
            except OSError as error:  # a query that failed: asked again
                print(f"query failed: {error}")
                return None
            return got if got == expected else None
        return wait_until(counts, timeout, interval=0.5)

    def log(self):
        self.log_file.flush()
        with open(os.path.join(self.base, "prometheus.log"), errors="replace") as f:
            return f.read()

    def stop(self):
        code = stop_process(self.process, timeout=20)
        sys.stderr.write("--- prometheus log\n" + self.log())
        self.log_file.close()
        subprocess.run(["rm", "-rf", self.base])
        return code
