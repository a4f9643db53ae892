"""Fetches a library's Debian source package, builds its own test programs
with its own CMake, and runs its own tests with ctest, timing each step.

Used by check_library.py (the `libraries` test stage) and by
bench/library_figures.py (the same builds, with and without phanos).
"""
import json
import os
import resource
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# The standard Clang 14 defaults to, for every version: a library that asks
# for no standard gets the same language with and without phanos
# (phanos-clang++ would otherwise add -std=c++17); a target asking for one
# (yaml-cpp: C++11) still gets it.
DEFAULT_STANDARD = "-std=gnu++14"
OPTIMISATION = "-O2"

def build_compiler():
    """The clang++ that builds the libraries, alone and under phanos-clang++
    (which then loads that version's plugin): $PHANOS_CXX, which
    scripts/test.sh sets to the oldest supported version's."""
    name = os.environ.get("PHANOS_CXX")
    if not name:
        raise SystemExit("set PHANOS_CXX to the clang++ that builds the libraries, e.g. PHANOS_CXX=clang++-14")
    return name


class StepFailed(Exception):
    """A step that did not succeed; the message says which, where its log
    is, and what in the log tells why."""

    def __init__(self, what, step):
        errors = [line for line in step.output.splitlines() if "error:" in line]
        excerpt = errors[:20] or step.output.splitlines()[-20:]
        super().__init__(what + "\n  " + "\n  ".join(excerpt))


@dataclass
class Timed:
    returncode: int
    output: str       # stdout and stderr, interleaved
    cpu_seconds: float  # user + system of every process the step ran
    wall_seconds: float


def run_timed(command, log_path, cwd=None, env=None):
    """Runs command, its output into log_path; CPU time summed over the
    processes it waited for (ninja's compilers included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        log.write("$ " + " ".join(str(c) for c in command) + "\n")
        log.flush()
        completed = subprocess.run(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    output = Path(log_path).read_text(encoding="utf-8", errors="replace")
    return Timed(completed.returncode, output, cpu, wall)


def fetch(package, sources_dir):
    """The unpacked source tree of package (Debian patches applied), at
    sources_dir/package; fetched with apt-get source unless already there."""
    sources_dir = Path(sources_dir)
    tree = sources_dir / package
    unpacked = sources_dir / f"{package}.unpacked"
    if unpacked.exists() and tree.is_dir():
        return tree
    downloads = sources_dir / "downloads" / package
    shutil.rmtree(downloads, ignore_errors=True)
    downloads.mkdir(parents=True)
    # As root, apt would hand the download to its sandbox user, who cannot
    # write into this build directory.
    fetched = run_timed(["apt-get", "source", "--download-only", "-o", "APT::Sandbox::User=root", package],
                        sources_dir / f"{package}.fetch.log", cwd=downloads)
    if fetched.returncode != 0:
        raise StepFailed(f"apt-get source {package} failed (exit {fetched.returncode}); a deb-src entry for "
                         f"Debian 12 is needed (scripts/test.sh libraries adds one); "
                         f"log: {sources_dir / f'{package}.fetch.log'}", fetched)
    descriptions = sorted(downloads.glob("*.dsc"))
    if len(descriptions) != 1:
        raise StepFailed(f"apt-get source {package}: expected one .dsc in {downloads}, "
                         f"found {len(descriptions)}", fetched)
    shutil.rmtree(tree, ignore_errors=True)
    # Unpacked under the package's own name, so that its paths (and the
    # instrument-files regex matching them) do not depend on its version.
    unpacked_log = sources_dir / f"{package}.unpack.log"
    extracted = run_timed(["dpkg-source", "-x", str(descriptions[0]), str(tree)], unpacked_log)
    if extracted.returncode != 0:
        raise StepFailed(f"dpkg-source -x {descriptions[0]} failed; log: {unpacked_log}", extracted)
    unpacked.write_text(descriptions[0].name + "\n", encoding="utf-8")
    return tree


def configure_and_build(library, tree, build_dir, compiler, extra_flags=(), env=None):
    """Configures the library with its own CMake and builds its test
    programs; returns the build step, timed (configuring is not counted)."""
    build_dir = Path(build_dir)
    shutil.rmtree(build_dir, ignore_errors=True)
    build_dir.mkdir(parents=True)
    flags = " ".join((OPTIMISATION, DEFAULT_STANDARD) + tuple(extra_flags))
    configured = run_timed(["cmake", "-S", str(tree), "-B", str(build_dir), "-G", "Ninja",
                            f"-DCMAKE_CXX_COMPILER={compiler}", "-DCMAKE_BUILD_TYPE=",
                            f"-DCMAKE_CXX_FLAGS={flags}", *library.cmake_options],
                           build_dir / "configure.log", env=env)
    if configured.returncode != 0:
        raise StepFailed(f"configuring {library.package} failed; log: {build_dir / 'configure.log'}", configured)
    built = run_timed(["cmake", "--build", str(build_dir), "--parallel", str(os.cpu_count() or 2),
                       "--target", *library.test_targets], build_dir / "build.log", env=env)
    if built.returncode != 0:
        raise StepFailed(f"building {library.package}'s tests failed; log: {build_dir / 'build.log'}", built)
    return built


def instrument_flags(library):
    """Every function of the source tree instrumented (but what the
    library's plugin_arguments exclude), each named in a remark. The tree is
    unpacked as sources/<package>: the regex matches its files and nothing
    else (system headers are never instrumented)."""
    return (f"-fplugin-arg-phanos-instrument-files=/sources/{library.package}/",
            "-fplugin-arg-phanos-verbose") + library.plugin_arguments


def wrapper_environment():
    """The environment for builds through phanos-clang++: it runs
    build_compiler(), and no PHANOS_CONFIG of the caller's reaches the tests."""
    env = dict(os.environ, PHANOS_CXX=build_compiler())
    env.pop("PHANOS_CONFIG", None)
    return env


def phanos_config(job, records_path):
    """PHANOS_CONFIG for the tests: every record as a line in records_path."""
    return json.dumps({"job": job, "handlers": {"records": {
        "class": "StreamHandler", "handler_name": "records", "output": str(records_path)}}})


def run_tests(library, build_dir, env=None):
    """Runs the library's own tests with ctest, one at a time (their
    processes append to one records file), every test's output kept."""
    build_dir = Path(build_dir)
    return run_timed(["ctest", "--test-dir", str(build_dir), "-R", library.ctest_regex, "-V",
                      "--no-tests=error", "--timeout", "600"], build_dir / "tests.log", env=env)
