"""Exact counts across a RabbitMQ cluster (rabbit_cluster.py: three private
nodes a, b, c). phanos-collector declares a quorum queue and consumes it
through c (--rabbit-hosts c,b,a), checkpointing to its --state-file;
fault_program publishes through AsyncImpProfHandler with hosts a,b,c and
confirm on. Mid-run:
  - the node the program is connected to is killed (SIGKILL: the program
    fails over to another, publishing again what that node had not
    confirmed);
  - the collector is killed too, and messages pile up in the queue while
    the node is started again on its files;
  - a collector started on the same state file drains them, and is killed
    part-way through; a third one goes on from its state file.
Then the program ends. Once it has exited and the queue is empty (every
message delivered and acknowledged), /metrics is read once: its count of
calls equals the calls the program made, exactly.

Usage: cluster.py COLLECTOR FAULT_PROGRAM [STATE_DIR]
  STATE_DIR: where the running nodes are noted for cluster_cleanup.py
"""
import os
import sys
import time

from harness import Checks, check_program_survived, finish_program, phanos_lines, start_program, stats
from rabbit_cluster import Cluster

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "collector"))
from collector_harness import (MESSAGES, Collector, calls_counted, drained_queue_state,  # noqa: E402
                               kill_part_way, wait_until)

collector_bin, fault_program = sys.argv[1:3]
state_dir = sys.argv[3] if len(sys.argv) > 3 else None
checks = Checks()
queue = f"phanos-cluster-{os.getpid()}"
job = f"cluster_{os.getpid()}"
A, B, C = range(3)
taken_before_kill = 50  # messages of the backlog the second collector takes before it is killed


def records(collector):
    return collector.value("phanos_collector_records_total", 0)


started = time.monotonic()
with Cluster(state_dir) as cluster:
    print(f"observed: cluster of {[node.name for node in cluster.nodes]} up in {time.monotonic() - started:.1f} s "
          f"({cluster.startup})", flush=True)
    state_file = os.path.join(cluster.base, "collector.state")

    def start_collector():
        return Collector(collector_bin, None, queue, "--rabbit-hosts", cluster.hosts([C, B, A]),
                         "--queue-type", "quorum", "--state-file", state_file)

    collector = start_collector()
    stop_file = os.path.join(cluster.base, "stop")
    program = None
    try:
        checks.check(collector.wait_connected(), "collector: consuming the quorum queue through node c")
        program = start_program([fault_program, "async", "0", job, f"hosts={cluster.hosts()}", "confirm=1",
                                 f"stop_file={stop_file}", "interval_ms=2", "capacity=100000", "drain=20"])
        # Records through the first node before it goes away.
        checks.check(wait_until(lambda: records(collector) > 0, 30), "the program's records reach the collector")
        program_nodes = [i for i in cluster.connections() if i != C]
        checks.check(program_nodes == [A], f"the program is connected to node a, the first of hosts: {program_nodes}")
        lost = program_nodes[0] if program_nodes else A
        before = records(collector)
        cluster.kill_node(lost)
        print(f"observed: node {'abc'[lost]} killed; {before:.0f} records had arrived", flush=True)
        checks.check(wait_until(lambda: records(collector) > before, 30),
                     "with the node down, the program's records still reach the collector")
        failed_over = [i for i in cluster.connections() if i != C]
        checks.check(failed_over and lost not in failed_over,
                     f"the program failed over to another node: {['abc'[i] for i in failed_over]}")

        # Killed while the program publishes: its messages wait in the queue
        # while the node starts again.
        first_kill = collector.value(MESSAGES)
        collector.kill()
        collector = None  # killed: nothing to stop should the next one not start
        print(f"observed: collector killed at {first_kill:.0f} messages; node {'abc'[lost]} started again in "
              f"{cluster.start_node(lost):.1f} s", flush=True)
        collector = start_collector()
        _, second_kill = kill_part_way(collector, taken_before_kill)
        collector = None
        collector = start_collector()
        open(stop_file, "w").close()
        code, out, err, exit_seconds = finish_program(program, timeout=60)
        program = None
        sys.stderr.write("--- program stderr\n" + err)
        check_program_survived(checks, "program", code, out)
        figures = stats(out)
        calls = figures.get("calls")
        print(f"observed: {figures}; exited {exit_seconds:.1f} s after its stop file", flush=True)
        checks.check(figures.get("dropped_before_exit") == 0 and not phanos_lines(err, "not published"),
                     "the program dropped nothing, and published everything before it ended")
        checks.check(len(phanos_lines(err, "connection lost")) == 1, "the lost node is logged once by the program")

        held = drained_queue_state(cluster.running_node(), queue, 60)
        checks.check(held is not None and held[1:] == (0, 0),
                     f"the quorum queue holds nothing ready nor unacknowledged: {held}")
        got = collector.samples()
        counted = calls_counted(got, job)
        print(f"observed: {got.get(MESSAGES):.0f} messages, "
              f"{got.get('phanos_collector_duplicates_total'):.0f} duplicates dropped, "
              f"{got.get('phanos_collector_records_total'):.0f} records", flush=True)
        checks.check(counted == calls, f"the collector counted every call once: {counted:.0f} of {calls:.0f}")
        checks.check(first_kill < second_kill < got.get(MESSAGES),
                     f"the second collector was killed mid-drain: after {second_kill:.0f} of {got.get(MESSAGES):.0f} "
                     f"messages, the first at {first_kill:.0f}")
    finally:
        if program is not None:
            open(stop_file, "w").close()
            program.kill()
            program.wait()
        if collector is not None:
            checks.check(collector.stop() == 0, "collector stopped cleanly")
print(f"observed: the test took {time.monotonic() - started:.1f} s", flush=True)
checks.exit()
