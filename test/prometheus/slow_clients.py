"""Clients that send half a request cannot take /metrics down: 64 of them
connect and send part of a header, 8 of those go on trickling a byte a
second, and meanwhile /metrics must answer, each time within a second
(before the 2 s after which the server would drop the slow ones itself),
against phanos-collector or a program's PrometheusHandler.

Usage: slow_clients.py collector COLLECTOR | handler HANDLER_PROGRAM
"""
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "collector"))
from collector_harness import Checks, Collector, free_port, http_get  # noqa: E402
from handler_process import HandlerProcess  # noqa: E402

kind, binary = sys.argv[1:3]
checks = Checks()
if kind == "collector":
    # No broker on port 1: the collector serves /metrics all the same.
    server = Collector(binary, free_port(), "slow_clients")
    url, expected = server.url, "phanos_collector_messages_total 0"
else:
    server = HandlerProcess(binary, f"slow_{os.getpid()}")
    url, expected = server.url, 'method="Service:handle",error_raised="false"} 5'

stop = threading.Event()


def slow_client(trickle):
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
            s.sendall(b"GET /metrics HTTP/1.1\r\nHost: a")
            while trickle and not stop.wait(1):
                s.sendall(b"a")
            stop.wait()
    except OSError:
        pass  # closed by the server: what it should do to some of them


threads = [threading.Thread(target=slow_client, args=(i < 8,)) for i in range(64)]
for thread in threads:
    thread.start()
time.sleep(0.5)  # all connected and sending before the scrapes begin
answers = []
try:
    for attempt in range(5):
        started = time.monotonic()
        try:
            text = http_get(url, timeout=1)
            answers.append(time.monotonic() - started)
            checks.check(expected in text, f"scrape {attempt + 1}: /metrics answers in full")
        except OSError as error:
            checks.check(False, f"scrape {attempt + 1}: /metrics answers within a second ({error})")
        time.sleep(0.5)
    if answers:
        print(f"observed: slowest of {len(answers)} scrapes {max(answers) * 1000:.1f} ms")
finally:
    stop.set()
    for thread in threads:
        thread.join()
    if kind == "collector":
        checks.check(server.stop() == 0, "collector stopped cleanly")
    else:
        code, _, err = server.stop()
        checks.check(code == 0, f"program ended normally (exit {code}) {err.strip()}")
checks.exit()
