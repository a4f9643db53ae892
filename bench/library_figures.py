#!/usr/bin/env python3
"""Figures of the real-world proof (the `libraries` test stage): for each
library of test/libraries/libraries.py, its own test programs built and run
twice in the same run, with $PHANOS_CXX alone and through phanos-clang++ with
every function of its source tree instrumented. Prints a Markdown table:
functions instrumented and skipped by reason (from the plugin's verbose
remarks, each function counted once however many translation units include
it), the library's own checks passed, records written, build CPU time
(user + system of every compiler and linker) and test run time.

Usage: PHANOS_CXX=clang++-N library_figures.py PHANOS_CLANGXX WORK_DIR [LIBRARY...]
  e.g. PHANOS_CXX=clang++-14 bench/library_figures.py build/main/bin/phanos-clang++ build/library-figures
"""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "test" / "libraries"))
from libraries import LIBRARIES  # noqa: E402
from library_build import (build_compiler, configure_and_build, fetch, instrument_flags, phanos_config,  # noqa: E402
                           run_tests, wrapper_environment)
from records import read_records  # noqa: E402
from remarks import read_remarks  # noqa: E402


def checks_passed(library, tests):
    if tests.returncode != 0:
        return f"FAILED (exit {tests.returncode})"
    return str(sum(int(count) for count in re.findall(library.checks_passed, tests.output)))


def measure(name, wrapper, work):
    library = LIBRARIES[name]
    tree = fetch(library.package, work / "sources")
    env = wrapper_environment()

    plain_build = configure_and_build(library, tree, work / "plain" / library.package, build_compiler(), (), env)
    plain_tests = run_tests(library, work / "plain" / library.package, env)

    build_dir = work / "phanos" / library.package
    phanos_build = configure_and_build(library, tree, build_dir, wrapper, instrument_flags(library), env)
    records_path = build_dir / "records.txt"
    records_path.unlink(missing_ok=True)
    env["PHANOS_CONFIG"] = phanos_config(f"figures_{name}", records_path)
    phanos_tests = run_tests(library, build_dir, env)

    remarks = read_remarks(phanos_build.output)
    records = read_records(records_path)
    records_path.unlink()  # gigabytes
    skipped = "; ".join(f"{count} {reason}" for reason, count in remarks.skip_reasons().most_common()) or "none"
    return [name, str(len(remarks.instrumented)), skipped,
            f"{checks_passed(library, plain_tests)} / {checks_passed(library, phanos_tests)}",
            f"{records.count:,} ({len(records.methods):,} methods)",
            f"{plain_build.cpu_seconds:.0f} → {phanos_build.cpu_seconds:.0f} s, "
            f"{phanos_build.cpu_seconds / plain_build.cpu_seconds:.2f}×",
            f"{plain_tests.wall_seconds:.2f} → {phanos_tests.wall_seconds:.2f} s, "
            f"{phanos_tests.wall_seconds / plain_tests.wall_seconds:.1f}×"]


def main():
    wrapper, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    names = sys.argv[3:] or list(LIBRARIES)
    header = ["library", "functions instrumented", "skipped (reason)", "checks passed without / with",
              "records written", "build CPU without → with", "tests run without → with"]
    rows = [measure(name, wrapper, work) for name in names]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
