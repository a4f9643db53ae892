"""phanos-collector killed mid-drain and started again with the same
--state-file counts every call exactly once. On the shared RabbitMQ node, a
durable quorum queue; fault_program publishes a known number of calls
through AsyncImpProfHandler with confirm, in small messages (many
checkpoints and acknowledgements to be killed among). The collector is
SIGKILLed twice once it has taken part of them, and started again each
time; when the program has ended and the broker holds nothing ready nor
unacknowledged, /metrics is read once: the count equals the calls made.
Then a state file that cannot be used stops the collector with the reason.

Usage: restart.py COLLECTOR FAULT_PROGRAM NODE_STATE
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from collector_harness import (MESSAGES, Checks, Collector, Node, calls_counted, drained_queue_state, free_port,
                               kill_part_way)

collector_bin, program, state = sys.argv[1:4]
node = Node.load(state)
checks = Checks()
queue = f"phanos-restart-{os.getpid()}"
job = f"restart_{os.getpid()}"
calls = 200000
records_per_message = 500  # 400 messages, each confirmed on its own (a few ms each)
taken_before_kill = 80    # messages each killed collector takes beyond where it started
directory = tempfile.mkdtemp(prefix="phanos-restart-")
state_file = os.path.join(directory, "collector.state")
collector_options = ("--queue-type", "quorum", "--prefetch", "64", "--state-file", state_file)


def start_collector():
    return Collector(collector_bin, node.port, queue, *collector_options)


def refused(state_bytes, *options):
    """Starts a collector on a state file of `state_bytes`: (exit code, output)."""
    path = os.path.join(directory, "refused.state")
    with open(path, "wb") as f:
        f.write(state_bytes)
    command = [collector_bin, "--rabbit-port", str(node.port), "--queue", queue,
               "--listen", f"127.0.0.1:{free_port()}", "--state-file", path, *options]
    print("$ " + " ".join(command), flush=True)
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    sys.stderr.write(result.stderr)
    return result.returncode, result.stdout + result.stderr, path


collector = start_collector()
publisher = None
try:
    checks.check(collector.wait_connected(), "the first collector consumes the quorum queue")
    command = [program, "async", str(node.port), job, f"calls={calls}", "interval_ms=0", "confirm=1",
               f"capacity={calls}", "drain=60", f"records_per_message={records_per_message}"]
    print("$ " + " ".join(command), flush=True)
    publisher = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    kills = []
    for restart in range(2):
        kills.append(kill_part_way(collector, taken_before_kill))
        collector = None
        collector = start_collector()
        resumed = re.search(r"going on from the counts of (\d+) messages", collector.log())
        # /metrics shows what is on the disk: never less after a restart.
        checks.check(resumed is not None and int(resumed.group(1)) >= kills[-1][1],
                     f"restart {restart + 1} goes on from the state file, from no less than /metrics showed: "
                     f"{resumed and resumed.group(0)}")

    out, err = publisher.communicate(timeout=120)
    sys.stderr.write(err)
    checks.check(publisher.returncode == 3 and f"worker finished: {calls} calls" in out,
                 f"the program made its {calls} calls and ended as itself (exit {publisher.returncode})")
    checks.check("dropped_before_exit=0" in out and "not published" not in err and "messages full" not in err,
                 "the program dropped nothing")
    held = drained_queue_state(node, queue, 60)
    checks.check(held is not None and held[1:] == (0, 0),
                 f"the broker holds nothing ready nor unacknowledged: {held}")

    got = collector.samples()
    counted = calls_counted(got, job)
    checks.check(counted == calls, f"the count in /metrics equals the calls made: {counted:.0f} of {calls}")
    duplicates = got.get("phanos_collector_duplicates_total")
    checks.check(duplicates is not None, f"phanos_collector_duplicates_total is reported: {duplicates}")
    for started_from, at_kill in kills:
        checks.check(started_from < at_kill < got[MESSAGES],
                     f"killed part-way: after {at_kill:.0f} of {got[MESSAGES]:.0f} messages")
finally:
    if publisher and publisher.poll() is None:
        publisher.kill()
        publisher.wait()
    checks.check(collector is not None and collector.stop() == 0, "the last collector stopped cleanly")

try:
    with open(state_file, "rb") as f:
        saved = f.read()
    middle = len(saved) // 2
    code, output, path = refused(saved[:middle] + bytes([saved[middle] ^ 1]) + saved[middle + 1:])
    checks.check(code == 1 and f'error: state file "{path}" is corrupt (its checksum says ' in output,
                 f"a corrupt state file stops the collector (exit {code}) with the reason")
    code, output, path = refused(saved[:middle])
    checks.check(code == 1 and f'error: state file "{path}" is truncated' in output,
                 f"a truncated one too (exit {code})")
    code, output, path = refused(saved, "--buckets", "1,2")
    checks.check(code == 1 and "does not fit this collector's --buckets" in output and "not 1,2" in output,
                 f"a state file written with other --buckets too (exit {code})")
finally:
    node.ctl("delete_queue", queue)
    shutil.rmtree(directory)
checks.exit()
