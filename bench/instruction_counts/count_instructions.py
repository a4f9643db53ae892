#!/usr/bin/env python3
"""Counts the instructions of each profiled operation with callgrind (exact,
whatever the machine's load), and checks or records them in figures.txt.

counted_operations runs each operation n and 2n times, a few times over,
with callgrind collecting only meanwhile; (count(2n) - count(n)) / n is one
operation, constant costs cancelled, and the median of the pairs is the
figure. Usage:

  count_instructions.py PROGRAM [OPERATION...]           prints the counts
  count_instructions.py PROGRAM --check FIGURES --configuration C [OPERATION...]
      exits 1 when a count is outside the tolerance of FIGURES' figure for C
  count_instructions.py PROGRAM --record FIGURES --configuration C [OPERATION...]
      writes the counts into FIGURES as C's figures
"""

import argparse
import contextlib
import os
import pathlib
import re
import shlex
import statistics
import subprocess
import sys
import tempfile

DUMP = re.compile(r"^desc: Trigger: Client Request: (\S+) (\d+)$", re.M)
TOTALS = re.compile(r"^(?:totals|summary): (\d+)", re.M)


def without_debug_information(program, directory):
    """Copies of the program and of the libraries it loads from outside the
    system's directories (the phanos runtime of its build), stripped of their
    debug information: valgrind 3.19 (Debian 12) gives up on the DWARF 5 that
    Clang 15 and later write. The code, and so the count, is the same.
    Returns the copy of the program; the libraries' copies are in `directory`."""
    loaded = subprocess.run(["ldd", program], capture_output=True, text=True, check=True).stdout
    libraries = re.findall(r"=> (/\S+) \(", loaded)
    own = [library for library in libraries if not library.startswith(("/lib", "/usr/"))]
    for path in [program, *own]:
        subprocess.run(["objcopy", "--strip-debug", path, str(directory / pathlib.Path(path).name)], check=True)
    return directory / pathlib.Path(program).name


def count(valgrind, program, operations, work):
    """{operation: [instructions per operation, one per pair of runs]} from
    one callgrind run, its dumps and binaries kept in the directory `work`."""
    if any(pathlib.Path(work).glob("callgrind.out*")):
        sys.exit(f"count_instructions.py: {work} holds callgrind dumps of an earlier run; name an empty directory")
    binaries = pathlib.Path(work) / "binaries"
    binaries.mkdir(parents=True, exist_ok=True)
    stripped = without_debug_information(program, binaries)
    out = pathlib.Path(work) / "callgrind.out"
    command = [valgrind, "--tool=callgrind", "--collect-atstart=no", "--dump-instr=no",
               f"--callgrind-out-file={out}", str(stripped), *operations]
    # Before the program's RUNPATH: the stripped runtime.
    library_path = os.pathsep.join(filter(None, [str(binaries), os.environ.get("LD_LIBRARY_PATH")]))
    environment = {**os.environ, "LD_LIBRARY_PATH": library_path}
    run = subprocess.run(command, capture_output=True, text=True, env=environment)
    if run.returncode != 0:
        sys.exit(f"count_instructions.py: {shlex.join(command)} exited with {run.returncode}:\n{run.stderr}")
    totals = {}  # (operation, times): [instructions of each run, in order]
    # callgrind.out.<n>: the n-th dump, in the program's order of operations.
    dumps = sorted(pathlib.Path(work).glob("callgrind.out.*"), key=lambda dump: int(dump.suffix[1:]))
    for dump in dumps:
        text = dump.read_text()
        name = DUMP.search(text)
        if name:
            totals.setdefault((name[1], int(name[2])), []).append(int(TOTALS.search(text)[1]))
    per_operation = {}
    for (operation, times), runs in totals.items():
        twice = totals.get((operation, 2 * times), [])
        if twice:
            per_operation[operation] = [(long - short) / times for short, long in zip(runs, twice)]
    if not per_operation:
        sys.exit(f"count_instructions.py: no callgrind dump of {program} named an operation run n and 2n times")
    return per_operation


class Figures:
    """figures.txt: `tolerance <instructions> instructions`, then for each configuration a
    line `configuration <text>` followed by lines `<operation> <instructions>`."""

    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.tolerance = None
        self.by_configuration = {}
        configuration = None
        for number, line in enumerate(self.path.read_text().splitlines(), 1):
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            if words[0] == "tolerance" and len(words) == 3 and words[2] == "instructions":
                self.tolerance = float(words[1])
            elif words[0] == "configuration":
                configuration = " ".join(words[1:])
                self.by_configuration.setdefault(configuration, {})
            elif configuration is not None and len(words) == 2:
                self.by_configuration[configuration][words[0]] = float(words[1])
            else:
                sys.exit(f"{self.path}:{number}: expected 'tolerance <n> instructions', 'configuration <text>' "
                         f"or '<operation> <instructions>' after a configuration line, not '{line}'")
        if self.tolerance is None:
            sys.exit(f"{self.path}: no line 'tolerance <n> instructions'")

    def record(self, configuration, counts):
        """Rewrites the figures of `configuration`, keeping the rest of the file."""
        lines = self.path.read_text().splitlines()
        start = next((i for i, line in enumerate(lines) if " ".join(line.split()) == f"configuration {configuration}"),
                     None)
        if start is None:
            lines += ["", f"configuration {configuration}"]
            start = len(lines) - 1
        end = start + 1
        while end < len(lines) and len(lines[end].split()) == 2 and not lines[end].startswith("#"):
            end += 1
        figures = {**self.by_configuration.get(configuration, {}), **counts}
        lines[start + 1:end] = [f"{operation} {instructions:.2f}" for operation, instructions in figures.items()]
        self.path.write_text("\n".join(lines) + "\n")


def check(figures, configuration, counts, update_command):
    recorded = figures.by_configuration.get(configuration)
    if recorded is None:
        print(f"{figures.path}: no figures for the configuration '{configuration}' (compiler and flags "
              f"change the count); to record this build's:\n  {update_command}")
        return 77  # skipped
    failed = False
    for operation, instructions in counts.items():
        expected = recorded.get(operation)
        if expected is None:
            print(f"{operation}: {instructions:.2f} instructions, no figure in {figures.path}")
            failed = True
            continue
        change = instructions - expected
        verdict = "within" if abs(change) < figures.tolerance else "OUTSIDE"
        print(f"{operation}: {instructions:.2f} instructions, {figures.path.name} says {expected:.2f} "
              f"({change:+.2f}, {verdict} the tolerance of ±{figures.tolerance:g})")
        failed |= verdict == "OUTSIDE"
    if failed:
        print("\nMore instructions than recorded: the path got slower. To see where they go, run this script "
              "with --keep-dumps DIR and read DIR/callgrind.out.<n> with callgrind_annotate.\n"
              f"Fewer, or more on purpose: record the new figures and commit them with the change:\n  {update_command}")
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program", help="counted_operations, built with the phanos plugin")
    parser.add_argument("operations", nargs="*", help="the operations to count (default: all)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", metavar="FIGURES", help="compare with the figures of --configuration in FIGURES")
    mode.add_argument("--record", metavar="FIGURES", help="write the counts into FIGURES for --configuration")
    parser.add_argument("--configuration", help="the build's compiler and flags, as figures.txt names them")
    parser.add_argument("--valgrind", default="valgrind", help="the valgrind to run (default: the one on PATH)")
    parser.add_argument("--keep-dumps", metavar="DIR",
                        help="keep callgrind's dumps (callgrind.out.<n>, for callgrind_annotate) in DIR")
    args = parser.parse_intermixed_args()
    if (args.check or args.record) and not args.configuration:
        parser.error("--check and --record need --configuration")

    with contextlib.ExitStack() as cleanup:
        work = args.keep_dumps or cleanup.enter_context(tempfile.TemporaryDirectory(prefix="phanos-callgrind-"))
        pairs = count(args.valgrind, args.program, args.operations, work)
    counts = {operation: statistics.median(values) for operation, values in pairs.items()}
    for operation, values in pairs.items():
        print(f"{operation:28} {counts[operation]:10.2f} instructions "
              f"(median of {len(values)}: {min(values):.2f} to {max(values):.2f})")
    if args.record:
        Figures(args.record).record(args.configuration, counts)
        print(f"recorded in {args.record} for '{args.configuration}'")
    elif args.check:
        update = shlex.join([sys.executable, str(pathlib.Path(__file__).resolve()), args.program, *args.operations,
                             "--record", str(pathlib.Path(args.check).resolve()),
                             "--configuration", args.configuration, "--valgrind", args.valgrind])
        return check(Figures(args.check), args.configuration, counts, update)
    return 0


if __name__ == "__main__":
    sys.exit(main())
