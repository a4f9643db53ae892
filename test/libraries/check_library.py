#!/usr/bin/env python3
"""A library of libraries.py proven with phanos: its Debian source package
fetched with apt-get source, its own test programs built by its own CMake
through phanos-clang++ with every function of the source tree instrumented
(-fplugin-arg-phanos-instrument-files), and its own tests run with
PHANOS_CONFIG writing every record to a file. Passes when every test of the
library passes, the library's own count of passed checks is printed by each
test, and the records come from many distinct methods, among them many
functions of the library itself (not only of its tests).

Usage: check_library.py LIBRARY PHANOS_CLANGXX WORK_DIR
  WORK_DIR/sources/<package>   the unpacked source package (kept between runs)
  WORK_DIR/<package>/          the build, its logs, and records.txt when a check failed
"""
import os
import re
import sys
from pathlib import Path

from libraries import LIBRARIES
from library_build import (StepFailed, configure_and_build, fetch, instrument_flags, phanos_config, run_tests,
                           wrapper_environment)
from records import read_records
from remarks import read_remarks


def library_function_names(remarks, tree, library_files):
    """Names of the functions instrumented in the library's own files."""
    names = set()
    for (file, _, _), (_, name) in remarks.instrumented.items():
        relative = os.path.relpath(os.path.realpath(file), os.path.realpath(tree))
        if re.search(library_files, relative):
            names.add(name)
    return names


def main():
    name, wrapper, work = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve()
    library = LIBRARIES[name]
    failures = []

    def check(condition, what):
        print(("ok: " if condition else "FAILED: ") + what, flush=True)
        if not condition:
            failures.append(what)

    tree = fetch(library.package, work / "sources")
    build_dir = work / library.package
    env = wrapper_environment()
    built = configure_and_build(library, tree, build_dir, wrapper, instrument_flags(library), env)
    remarks = read_remarks(built.output)
    own_functions = library_function_names(remarks, tree, library.library_files)
    print(f"{name}: {len(remarks.instrumented)} functions instrumented, {len(own_functions)} distinct names in "
          f"the library's own files; skipped: {dict(remarks.skip_reasons()) or 'none'} "
          f"(build {built.cpu_seconds:.0f} s CPU)")
    check(not remarks.unrecognised, f"every phanos remark is read ({remarks.unrecognised[:3]})")
    check(len(own_functions) > 0, "functions of the library's own files are instrumented")

    records_path = build_dir / "records.txt"
    records_path.unlink(missing_ok=True)
    env["PHANOS_CONFIG"] = phanos_config(f"libraries_{name}", records_path)
    tests = run_tests(library, build_dir, env)
    summary = re.search(r"(\d+)% tests passed, (\d+) tests? failed out of (\d+)", tests.output)
    ran = int(summary[3]) if summary else 0
    check(tests.returncode == 0 and summary is not None and summary[2] == "0" and ran > 0,
          f"every test of {name} passes ({summary[0] if summary else 'no ctest summary'}; "
          f"log: {build_dir / 'tests.log'})")
    passed_counts = [int(count) for count in re.findall(library.checks_passed, tests.output)]
    check(len(passed_counts) == ran,
          f"each of the {ran} test programs reports its checks passed ({sum(passed_counts)} in all)")

    if not records_path.exists():
        check(False, f"the tests wrote records to {records_path}")
        return 1
    records = read_records(records_path)
    recorded_own = records.functions & own_functions
    print(f"{name}: {records.count} records, {len(records.methods)} distinct methods, "
          f"{len(recorded_own)} distinct functions of the library's own files "
          f"(tests {tests.wall_seconds:.1f} s)")
    check(not records.malformed, f"every line of {records_path} is a record ({records.malformed[:3]})")
    check(len(records.methods) >= library.min_methods,
          f"at least {library.min_methods} distinct methods recorded ({len(records.methods)})")
    check(len(recorded_own) >= library.min_own_functions,
          f"at least {library.min_own_functions} functions of the library's own files recorded ({len(recorded_own)})")
    if failures:
        return 1
    # A suite's records take gigabytes; they are kept only to look into a failure.
    records_path.unlink()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except StepFailed as failure:
        print(f"FAILED: {failure}", flush=True)
        sys.exit(1)
