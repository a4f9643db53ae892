#!/usr/bin/env python3
"""Compile-time cost of the phanos plugin on a header-heavy translation unit.

Generates a TU that includes standard headers, fmt and spdlog and defines
N functions, once with [[phanos::profile]] on each and once without; compiles
each with and without the plugin at -O0 and -O2 (-c, same run, interleaved),
and reports the minimum CPU time of several runs and the ratios.

With --instructions, counts the instructions of the front end
(-fsyntax-only, where the plugin does all its work) under valgrind's
cachegrind instead: exact and repeatable on a busy machine, but slow.

Usage: compile_time.py --plugin build/plugin/phanos.so --include include [--runs 5] [--functions 50] [--instructions]
"""
import argparse
import os
import subprocess
import tempfile

HEADERS = """#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
"""


def translation_unit(functions, annotated):
    attribute = "[[phanos::profile]] " if annotated else ""
    lines = [HEADERS, "namespace work {", "struct Store {", "  std::map<std::string, int> index;"]
    for i in range(functions // 2):
        lines.append(f"  {attribute}int lookup_{i}(const std::string& key) {{ return index.count(key + \"{i}\") ? index[key] : {i}; }}")
    lines.append("};")
    for i in range(functions - functions // 2):
        lines.append(f"{attribute}std::string render_{i}(const std::vector<int>& values) {{")
        lines.append(f"  std::string out = fmt::format(\"{{}}:\", {i});")
        lines.append("  for (int v : values) out += std::to_string(v);")
        lines.append(f"  spdlog::debug(\"render_{i} {{}}\", out);")
        lines.append("  return out;")
        lines.append("}")
    lines.append("}  // namespace work")
    return "\n".join(lines) + "\n"


def compile_seconds(command):
    """CPU seconds (user + system) of the compiler: less disturbed than wall
    time by other jobs on a shared machine."""
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return usage.ru_utime + usage.ru_stime


def instructions(command):
    """Instructions the compiler executes, counted by cachegrind."""
    with tempfile.NamedTemporaryFile() as out:
        subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out.name}"] + command,
                       check=True, stderr=subprocess.DEVNULL)
        for line in open(out.name):
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError("cachegrind wrote no summary")


def report_instructions(args, sources, base, with_plugin):
    print(f"{args.functions} functions, front end only (-fsyntax-only), instructions counted by cachegrind, {args.cxx}")
    print(f"{'translation unit':<24} {'without plugin':>16} {'with plugin':>16} {'ratio':>7}")
    for annotated in (True, False):
        command = base + ["-fsyntax-only", sources[annotated]]
        plain, plugin = instructions(command), instructions(command[:1] + with_plugin + command[1:])
        name = "annotated" if annotated else "no annotations"
        print(f"{name:<24} {plain:>16,} {plugin:>16,} {plugin / plain:>7.4f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--cxx", required=True, help="the clang++ the plugin was built for")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--functions", type=int, default=50)
    parser.add_argument("--instructions", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sources = {}
        for annotated in (True, False):
            path = os.path.join(tmp, f"{'annotated' if annotated else 'plain'}.cpp")
            with open(path, "w") as f:
                f.write(translation_unit(args.functions, annotated))
            sources[annotated] = path
        base = [args.cxx, "-std=c++17", "-Wno-unknown-attributes", f"-I{args.include}", "-DSPDLOG_FMT_EXTERNAL"]
        with_plugin = [f"-fplugin={args.plugin}"]
        if args.instructions:
            report_instructions(args, sources, base, with_plugin)
            return
        base += ["-c", "-o", os.devnull]
        cases = []
        for opt in ("-O0", "-O2"):
            for annotated in (True, False):
                name = f"{'annotated' if annotated else 'no annotations'} {opt}"
                cases.append((name, base + [opt, sources[annotated]], base + with_plugin + [opt, sources[annotated]]))
        best = {}
        for _ in range(args.runs):
            for name, plain, plugin in cases:
                for kind, command in (("plain", plain), ("plugin", plugin)):
                    seconds = compile_seconds(command)
                    best[(name, kind)] = min(best.get((name, kind), seconds), seconds)
        print(f"{args.functions} functions, min CPU time of {args.runs} runs, {args.cxx}")
        print(f"{'translation unit':<24} {'without plugin':>15} {'with plugin':>12} {'ratio':>7}")
        for name, _, _ in cases:
            plain, plugin = best[(name, "plain")], best[(name, "plugin")]
            print(f"{name:<24} {plain:>14.3f}s {plugin:>11.3f}s {plugin / plain:>7.3f}")


if __name__ == "__main__":
    main()
