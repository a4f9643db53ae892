"""Broker faults a profiled program must survive: it ends with its own
output and exit code every time, and the figures each test observed (drop
counts, call times) are printed for the record.

Usage: faults.py TEST FAULT_PROGRAM CONSUMER [NODE_STATE]
  wrong_credentials   shared node; wrong password, then wrong vhost
  queue_full          no broker at all; small async queue
  memory_alarm        shared node under a memory alarm, then released
  failover            hosts: a node that is not there, then the shared node
  late_and_restart    own node: started after the programs, then restarted
"""
import json
import os
import re
import sys
import tempfile
import time

from harness import (Checks, Consumer, check_program_survived, finish_program, phanos_lines, start_program,
                     stats)
from rabbit_node import Node, free_port

test, fault_program, consumer_bin = sys.argv[1:4]
state = sys.argv[4] if len(sys.argv) > 4 else None
checks = Checks()


def program(mode, port, job, **options):
    return start_program([fault_program, mode, port, job] + [f"{k}={v}" for k, v in options.items()])


def records_of(messages, routing_key):
    return sum(len(json.loads(m["raw_body"])) for m in messages if m["routing_key"] == routing_key)


def report(name, code, out, err, exit_seconds):
    sys.stderr.write(f"--- {name} stderr\n{err}")
    figures = stats(out)
    print(f"observed {name}: {figures} exit_wait_s={exit_seconds:.2f}", flush=True)
    check_program_survived(checks, name, code, out)
    return figures


def wrong_credentials():
    node = Node.load(state)
    address = f"127.0.0.1:{node.port}"
    cases = [("sync", "password", dict(password="wrong"), "ACCESS_REFUSED"),
             ("async", "password", dict(password="wrong", drain=1), "ACCESS_REFUSED"),
             ("sync", "vhost", dict(vhost="no_such_vhost"), "no_such_vhost")]
    running = [(mode, what, needle, program(mode, node.port, f"wrong_{what}_{mode}", calls=150, interval_ms=20,
                                            **options)) for mode, what, options, needle in cases]
    for mode, what, needle, process in running:
        name = f"wrong {what}, {mode}"
        code, out, err, exit_seconds = finish_program(process)
        report(name, code, out, err, exit_seconds)
        errors = phanos_lines(err, "cannot connect")
        checks.check(len(errors) == 1, f"{name}: one error line for the whole run, got {len(errors)}")
        checks.check(all(address in line and needle in line for line in errors),
                     f"{name}: the error names {address} and the reason ({needle})")
    # The broker saw several attempts (retried), spaced by the back-off (few).
    with open(os.path.join(node.base, "log", f"{node.name}.log"), errors="replace") as f:
        refused = len(re.findall(r"invalid credentials", f.read()))
    print(f"observed: the broker refused {refused} logins with the wrong password (two programs, ~3 s)")
    checks.check(2 <= refused <= 30, f"wrong password retried with back-off: {refused} refused logins in ~3 s")


def failover():
    """hosts: the first node is not there, the second is; every call's
    records arrive through it, published with confirms, nothing is dropped
    and nothing logged as an error, and every message has its own
    message_id."""
    node = Node.load(state)
    nodes = f"127.0.0.1:{free_port()},127.0.0.1:{node.port}"
    consumer = Consumer(consumer_bin, node.port, 60)
    calls = 30
    for mode in ("sync", "async"):
        job = f"failover_{mode}"
        code, out, err, exit_seconds = finish_program(
            program(mode, node.port, job, hosts=nodes, confirm=1, calls=calls, interval_ms=5, drain=5))
        figures = report(f"failover, {mode}", code, out, err, exit_seconds)
        checks.check(figures.get("dropped_before_exit") == 0, f"{mode}: nothing dropped ({figures})")
        checks.check(not phanos_lines(err, "cannot connect") and not phanos_lines(err, "not confirmed"),
                     f"{mode}: no node logged as unreachable, no message as unconfirmed")
        arrived = consumer.wait_for(lambda ms: records_of(ms, job) >= calls, 20)
        checks.check(arrived, f"{mode}: the records of {calls} calls arrived through the second node")
    received = consumer.stop()
    ids = [m["message_id"] for m in received]
    checks.check(len(set(ids)) == len(ids) and None not in ids, f"{len(ids)} messages, each its own message_id")


def queue_full():
    port = free_port()  # nothing listens there
    capacity, calls = 8, 2000
    started = time.monotonic()
    code, out, err, exit_seconds = finish_program(
        program("async", port, "queue_full", calls=calls, interval_ms=1, capacity=capacity, drain=0.5))
    total = time.monotonic() - started
    figures = report("queue full (no broker)", code, out, err, exit_seconds)
    dropped = figures.get("dropped_before_exit", 0)
    checks.check(dropped >= calls - capacity - 1, f"{dropped:.0f} of {calls} messages dropped and counted")
    checks.check(figures.get("max_call_us", 1e9) < 100000,
                 f"the caller never waited: longest profiled call {figures.get('max_call_us')} us")
    # ~2 s of drops: one report while running (at most one per 10 s), one at the end.
    reports = phanos_lines(err, "queue of 8 messages full")
    checks.check(len(reports) == 1, f"drops reported while running without flooding: {len(reports)} log lines")
    final = phanos_lines(err, "at the end")
    checks.check(len(final) == 1 and f"{dropped:.0f} dropped in all" in final[0], "the total is reported at the end")
    ending = total - figures.get("run_s", 0)
    checks.check(ending < 0.5 + 1, f"exit within the drain timeout (0.5 s): the program ended {ending:.2f} s after its work")


def memory_alarm():
    node = Node.load(state)
    consumer = Consumer(consumer_bin, node.port, 60)
    stop_file = os.path.join(tempfile.mkdtemp(), "stop")
    node.ctl("set_vm_memory_high_watermark", "0")  # alarm now: every publisher is blocked
    try:
        capacity = 16
        async_program = program("async", node.port, "alarm_async", stop_file=stop_file, interval_ms=5,
                                capacity=capacity, drain=2)
        sync_program = program("sync", node.port, "alarm_sync", calls=50, interval_ms=10, timeout=1)
        code, out, err, exit_seconds = finish_program(sync_program)
        figures = report("memory alarm, sync (timeout 1 s)", code, out, err, exit_seconds)
        longest = figures.get("max_call_us", 0) / 1e6
        checks.check(0.9 <= longest <= 3, f"sync: a blocked publish gave up after the timeout ({longest:.2f} s)")
        checks.check(figures.get("run_s", 1e9) < 6, f"sync: only one call waited ({figures.get('run_s')} s in all)")
        checks.check(len(phanos_lines(err, "gave up waiting")) == 1, "sync: one 'gave up' log line")
        checks.check(figures.get("dropped_before_exit", 0) >= 1, "sync: messages dropped while blocked are counted")
        time.sleep(max(0.0, 3 - exit_seconds))
    finally:
        node.ctl("set_vm_memory_high_watermark", "0.4")
    # Records, not messages: the asynchronous handler joins waiting hand-overs.
    unblocked = consumer.wait_for(lambda ms: records_of(ms, "alarm_async") >= capacity, 20)
    open(stop_file, "w").close()
    code, out, err, exit_seconds = finish_program(async_program)
    figures = report("memory alarm, async (queue 16)", code, out, err, exit_seconds)
    checks.check(figures.get("dropped_before_exit", 0) > 0,
                 f"async: drops while blocked counted ({figures.get('dropped_before_exit')})")
    checks.check(figures.get("max_call_us", 1e9) < 100000,
                 f"async: the caller never blocked, longest call {figures.get('max_call_us')} us")
    checks.check(len(phanos_lines(err, "blocks publishing")) >= 1, "async: the block is logged")
    checks.check(unblocked, "async: publishing resumed when the alarm cleared")
    arrived = consumer.stop()
    print(f"observed: {sum(m['routing_key'] == 'alarm_async' for m in arrived)} async and "
          f"{sum(m['routing_key'] == 'alarm_sync' for m in arrived)} sync messages arrived")


def late_and_restart():
    node = Node()
    stop_file = os.path.join(node.base, "stop")
    jobs = {"sync": "late_sync", "async": "late_async"}
    programs = {mode: program(mode, node.port, job, stop_file=stop_file, interval_ms=20, timeout=2, drain=2)
                for mode, job in jobs.items()}
    both = lambda ms: all(any(m["routing_key"] == job for m in ms) for job in jobs.values())
    try:
        time.sleep(1)
        print(f"observed: broker started {node.start():.1f} s after the programs' first second", flush=True)
        consumer = Consumer(consumer_bin, node.port, 120)
        checks.check(consumer.wait_for(both, 45), "(b) broker started late: both handlers' records arrive")
        for mode, job in jobs.items():
            print(f"observed: {mode}: first message {consumer.first_arrival(job)} s after the consumer was ready")
        consumer.stop()
        node.stop()
        time.sleep(1)
        print(f"observed: broker restarted in {node.start():.1f} s", flush=True)
        consumer = Consumer(consumer_bin, node.port, 120)
        checks.check(consumer.wait_for(both, 45), "(c) broker restarted: both handlers publish again")
        for mode, job in jobs.items():
            print(f"observed: {mode}: first message {consumer.first_arrival(job)} s after the restart")
        consumer.stop()
    finally:
        open(stop_file, "w").close()
        results = {mode: finish_program(process) for mode, process in programs.items()}
        node.stop()
        node.remove()
    for mode, (code, out, err, exit_seconds) in results.items():
        figures = report(f"late broker and restart, {mode}", code, out, err, exit_seconds)
        failures = phanos_lines(err, "cannot connect")
        lost = phanos_lines(err, "connection lost")
        print(f"observed {mode}: {len(failures)} 'cannot connect' and {len(lost)} 'connection lost' log lines, "
              f"{figures.get('dropped_before_exit'):.0f} messages dropped")
        checks.check(1 <= len(failures) <= 4, f"{mode}: outages logged, not flooded ({len(failures)} lines)")
        checks.check(len(lost) == 1, f"{mode}: the restart logged once as a lost connection ({len(lost)})")
        if mode == "async":
            checks.check(figures.get("max_call_us", 1e9) < 100000,
                         f"async: the caller never waited ({figures.get('max_call_us')} us)")


{"wrong_credentials": wrong_credentials, "queue_full": queue_full, "memory_alarm": memory_alarm, "failover": failover,
 "late_and_restart": late_and_restart}[test]()
checks.exit()
