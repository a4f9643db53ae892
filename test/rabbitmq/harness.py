"""What the RabbitMQ tests share: the consumer that shows what reached the
broker, running the test programs, and checks that keep going after a
failure so that one run reports every problem."""
import json
import re
import subprocess
import sys
import threading
import time


class Checks:
    def __init__(self):
        self.failures = []

    def check(self, condition, message):
        print(("ok:     " if condition else "FAILED: ") + message, flush=True)
        if not condition:
            self.failures.append(message)

    def exit(self):
        if self.failures:
            print(f"{len(self.failures)} check(s) failed", flush=True)
            sys.exit(1)
        sys.exit(0)


class Consumer:
    """The consumer binary: a queue bound to the profiling exchange, its
    messages collected as they arrive."""

    def __init__(self, binary, port, seconds, max_messages=-1):
        self.process = subprocess.Popen([binary, str(port), str(seconds), str(max_messages)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready = self.process.stdout.readline().strip()
        if ready != "ready":
            self.process.wait(10)
            raise RuntimeError(f"consumer not ready: {ready!r} {self.process.stderr.read()}")
        self.received = []  # (seconds since ready, message)
        self._ready_at = time.monotonic()
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.process.stdout:
            with self._changed:
                self.received.append((time.monotonic() - self._ready_at, json.loads(line)))
                self._changed.notify_all()

    def wait_for(self, predicate, timeout):
        """Waits until predicate(messages) holds; returns whether it did."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate([m for _, m in self.received]), timeout)

    def messages(self, timeout=120):
        """Waits for the consumer to end (its time or count) and returns all."""
        self.process.wait(timeout)
        self._reader.join(10)
        if self.process.returncode != 0:
            raise RuntimeError(f"consumer failed: {self.process.stderr.read()}")
        return [m for _, m in self.received]

    def stop(self):
        self.process.kill()
        self.process.wait()
        self._reader.join(10)
        return [m for _, m in self.received]

    def first_arrival(self, routing_key):
        """Seconds after the consumer was ready when routing_key's first message came."""
        return next((t for t, m in self.received if m["routing_key"] == routing_key), None)


def start_program(command):
    print("$ " + " ".join(map(str, command)), flush=True)
    return subprocess.Popen([str(c) for c in command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_program(process, timeout=60):
    """(exit code, stdout, stderr, seconds until it ended after this call)."""
    started = time.monotonic()
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err, time.monotonic() - started


def stats(stdout):
    """fault_program's "stats: k=v ..." line as a dict of numbers."""
    match = re.search(r"^stats: (.*)$", stdout, re.M)
    if not match:
        return {}
    return {k: float(v) for k, v in (item.split("=") for item in match.group(1).split())}


def check_program_survived(checks, name, code, out):
    """The profiled program ended as it would without phanos."""
    checks.check(code == 3, f"{name}: exit code is the program's own (3), got {code}")
    checks.check(re.search(r"^worker finished: \d+ calls", out, re.M) is not None,
                 f"{name}: the program printed its own output")


def phanos_lines(stderr, needle):
    return [line for line in stderr.splitlines() if needle in line]
