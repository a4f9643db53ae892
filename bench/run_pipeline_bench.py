#!/usr/bin/env python3
"""The end-to-end benchmark (README.md, "The whole pipeline"): a profiled
program -> a private RabbitMQ node -> phanos-collector -> /metrics, every
figure of a case from the same run of all of them.

For each case, a collector on a new queue of the node; the program makes its
calls as fast as it can and publishes them through AsyncImpProfHandler, with
a queue that holds them all; this script scrapes the collector's /metrics
every 20 ms until it counts every call, and takes the CPU seconds of the
program (its rusage at exit), of the node's Erlang VM and of the collector
(/proc/PID/stat, before and after). A case whose count in /metrics is not
the calls made, or whose program dropped anything, is invalid: it is said
and the script exits 1. Goals not met are reported, not failed.

Usage: run_pipeline_bench.py BUILD_DIR [--calls N] [--confirm off|on|both]
                             [--one-per-message-calls N] [--python-phanos CHECKOUT --python-calls N]

  BUILD_DIR: the build tree with bench/phanos_pipeline_program and
  tools/collector/phanos-collector. --one-per-message-calls N (0: none) adds the case
  max_message_records=1 (a message per call, no coalescing; confirm on), with
  fewer calls as it is far slower. --python-phanos runs Python phanos' AsyncImpProfHandler
  (python_phanos_program.py, with Debian's python3) as the program of one
  more case.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "collector"))
from collector_harness import Collector, Node, samples  # noqa: E402

SCRAPE_INTERVAL = 0.02  # seconds between two scrapes of /metrics while waiting for the count
STALL_LIMIT = 120  # seconds without a new record in /metrics once the program ended: the run is invalid
JOB = "pipeline_bench"  # both programs' job
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds of a running process (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime: fields 14 and 15 of proc(5)


def node_vm_pid(node):
    """The Erlang VM (beam.smp) of the node: the pid the node wrote."""
    with open(os.path.join(node.base, "node.pid")) as f:
        return int(f.read().strip())


def job_calls(metrics):
    """Calls of JOB counted in /metrics (every time_profiler_count series of the job)."""
    return sum(value for series, value in metrics.items()
               if series.startswith("time_profiler_count{") and f'job="{JOB}"' in series)


class Case:
    def __init__(self, name, command, calls, goals=False):
        """goals: issue 15's goals apply (coalesced messages); the other
        cases are there to compare with, their collector mostly idle."""
        self.name, self.command, self.calls, self.goals = name, command, calls, goals
        self.problems = []  # why the figures are invalid
        self.figures = {}


def run_case(case, node, collector_binary):
    collector = Collector(collector_binary, node.port, f"pipeline-bench-{case.name}")
    try:
        if not collector.wait_connected():
            raise RuntimeError(f"phanos-collector did not connect: {collector.log()}")
        measure(case, node, collector)
    finally:
        collector_log = collector.log()
        collector.stop()
    for line in collector_log.splitlines():
        if " error: " in line or " warning: " in line:
            case.problems.append(f"collector logged: {line}")


def measure(case, node, collector):
    vm = node_vm_pid(node)
    load_before = os.getloadavg()[0]
    vm_cpu, collector_cpu = cpu_seconds(vm), cpu_seconds(collector.process.pid)
    program_stderr = tempfile.TemporaryFile()
    print(f"$ {' '.join(case.command)}", flush=True)
    program = subprocess.Popen(case.command, stdout=subprocess.PIPE, stderr=program_stderr)
    program_rusage = program_status = None
    first_delivery = last_visible = None
    seen, progress_at = 0, time.monotonic()
    while last_visible is None:
        time.sleep(SCRAPE_INTERVAL)
        if program_rusage is None:
            pid, status, rusage = os.wait4(program.pid, os.WNOHANG)
            if pid:
                program_rusage, program_status = rusage, os.waitstatus_to_exitcode(status)
                program.returncode = program_status
        now = time.monotonic()
        metrics = samples(collector.metrics())
        records = metrics.get("phanos_collector_records_total", 0)
        if records and first_delivery is None:
            first_delivery = now
        if records > seen:
            seen, progress_at = records, now
        if records >= case.calls:
            last_visible = now
        elif program_rusage is not None and now - progress_at > STALL_LIMIT:
            case.problems.append(f"the collector counts {records:.0f} records of {case.calls} calls, "
                                 f"none more for {STALL_LIMIT} s after the program ended")
            break
    vm_cpu, collector_cpu = cpu_seconds(vm) - vm_cpu, cpu_seconds(collector.process.pid) - collector_cpu
    if program_rusage is None:
        _, status, program_rusage = os.wait4(program.pid, 0)
        program.returncode = program_status = os.waitstatus_to_exitcode(status)
    load_after = os.getloadavg()[0]
    time.sleep(0.5)  # a duplicate or a late message would show in this time
    metrics = samples(collector.metrics())
    report = program.stdout.read().decode()
    program_stderr.seek(0)
    program_log = program_stderr.read().decode(errors="replace")
    check_counts(case, metrics, program_status, report, program_log)
    if case.problems:
        return
    ran = json.loads(report)
    messages = metrics["phanos_collector_messages_total"]
    records = case.calls
    end_to_end = last_visible - ran["first_call"]
    publishing = ran["drained"] - ran["first_call"]
    ingesting = last_visible - first_delivery
    case.figures = {
        "calls": records, "messages": messages,
        "records per message": records / messages,
        "load average, 1 min (before, after)": f"{load_before:.2f}, {load_after:.2f}",
        "calls made, s (calls/s)": f"{ran['calls_done'] - ran['first_call']:.3f} "
                                   f"({records / (ran['calls_done'] - ran['first_call']):,.0f})",
        "publish stage: first call -> all published, s": f"{publishing:.3f}",
        "publish stage: publishing left after the last call, s": f"{ran['drained'] - ran['calls_done']:.3f}",
        "publish stage: records/s, messages/s": rates(records, messages, publishing),
        "broker + ingest: first message in /metrics -> last, s": f"{ingesting:.3f}",
        "broker + ingest: records/s, messages/s": rates(records, messages, ingesting),
        "end to end: first call -> last record in /metrics, s": f"{end_to_end:.3f}",
        "end to end: records/s, messages/s": rates(records, messages, end_to_end),
        "CPU s: program": f"{program_rusage.ru_utime + program_rusage.ru_stime:.2f}",
        "CPU s: broker (beam.smp)": f"{vm_cpu:.2f}",
        "CPU s: collector": f"{collector_cpu:.2f}",
        "ingest records/s per collector CPU second": f"{records / collector_cpu:,.0f}" if collector_cpu else "n/a",
        "broker records/s per CPU second": f"{records / vm_cpu:,.0f}" if vm_cpu else "n/a",
    }
    case.end_to_end_rate = records / end_to_end
    case.ingest_per_core = records / collector_cpu if collector_cpu else float("inf")


def rates(records, messages, seconds):
    return f"{records / seconds:,.0f}, {messages / seconds:,.0f}"


def check_counts(case, metrics, status, report, program_log):
    if status != 0:
        case.problems.append(f"the program exited with {status}: {program_log.strip()}")
    if "dropped" in program_log or "not published" in program_log:
        case.problems.append(f"the program's handler lost messages: {program_log.strip()}")
    try:
        ran = json.loads(report)
        if ran.get("dropped", 0) != 0:  # Python phanos' program has no count of its own
            case.problems.append(f"the program's handler dropped {ran.get('dropped')} hand-overs")
    except ValueError:
        case.problems.append(f"the program printed no report: {report!r}")
    records, calls = metrics.get("phanos_collector_records_total"), job_calls(metrics)
    if records != case.calls or calls != case.calls:
        case.problems.append(f"/metrics counts {records} records and {calls} calls of {case.calls} made")
    duplicates = metrics.get("phanos_collector_duplicates_total", 0)
    rejected = sum(v for s, v in metrics.items() if s.startswith("phanos_collector_rejected_total"))
    if duplicates or rejected:
        case.problems.append(f"the collector dropped {duplicates} duplicate messages, rejected {rejected}")


def cases(arguments):
    program = os.path.join(arguments.build_dir, "bench", "phanos_pipeline_program")
    result = []
    for confirm in {"off": ["off"], "on": ["on"], "both": ["off", "on"]}[arguments.confirm]:
        flag = "1" if confirm == "on" else "0"
        result.append(Case(f"confirm-{confirm}", [program, "{port}", str(arguments.calls), flag, "1000"],
                           arguments.calls, goals=True))
    if arguments.one_per_message_calls:
        calls = str(arguments.one_per_message_calls)
        # Confirm on, as the coalesced case it is set against in README.md.
        result.append(Case("one-per-message", [program, "{port}", calls, "1", "1"], arguments.one_per_message_calls))
    if arguments.python_phanos:
        script = os.path.join(HERE, "python_phanos_program.py")
        result.append(Case("python-phanos", ["/usr/bin/python3", script, arguments.python_phanos, "{port}",
                                             str(arguments.python_calls)], arguments.python_calls))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build_dir")
    parser.add_argument("--calls", type=int, default=3_000_000)
    parser.add_argument("--confirm", choices=["off", "on", "both"], default="both")
    parser.add_argument("--one-per-message-calls", type=int, default=50_000)
    parser.add_argument("--python-phanos", metavar="CHECKOUT")
    parser.add_argument("--python-calls", type=int, default=3_000)
    arguments = parser.parse_args()
    collector_binary = os.path.join(arguments.build_dir, "tools", "collector", "phanos-collector")
    node = Node()
    try:
        print(f"rabbitmq node on port {node.port} started in {node.start():.1f} s", flush=True)
        done = []
        for case in cases(arguments):
            case.command = [part.replace("{port}", str(node.port)) for part in case.command]
            run_case(case, node, collector_binary)
            done.append(case)
            print_case(case)
    finally:
        node.stop()
        node.remove()
    print_summary(done)
    sys.exit(1 if any(case.problems for case in done) else 0)


def print_case(case):
    print(f"\n== {case.name}", flush=True)
    for problem in case.problems:
        print(f"INVALID: {problem}")
    for name, value in case.figures.items():
        print(f"  {name}: {value:,}" if isinstance(value, (int, float)) else f"  {name}: {value}")
    sys.stdout.flush()


def print_summary(done):
    print("\n== summary")
    for case in done:
        if case.problems:
            print(f"  {case.name}: INVALID, figures not usable ({len(case.problems)} problems above)")
            continue
        line = (f"  {case.name}: end to end {case.end_to_end_rate:,.0f} records/s; ingest {case.ingest_per_core:,.0f} "
                "records per collector CPU second")
        if case.goals:
            line += (f" (goals 500,000 end to end: {'met' if case.end_to_end_rate >= 500_000 else 'not met'}; "
                     f"2,000,000 ingest: {'met' if case.ingest_per_core >= 2_000_000 else 'not met'})")
        print(line)


if __name__ == "__main__":
    main()
