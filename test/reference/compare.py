"""Run one C++ scenario program and compare what it produced with Python
phanos' reference output (python/, written by python/gen_reference.py).

Usage: compare.py PROGRAM SCENARIO REFERENCE_DIR WORK_DIR [--response-size N]

Checks, failing on the first difference:
 (a) the StreamHandler text, times masked as gen_reference.py masks them,
     is byte-identical to SCENARIO.txt;
 (b) the capture handler got the same handle() calls (profiler names, record
     batches, records) as SCENARIO.records.json;
 (c) each call's to_json bytes are exactly what Python's json.dumps writes
     for those records (times included), and with times masked they are
     byte-identical to json.dumps of the reference's records, which is how
     Python phanos' wire bytes were made (orjson stand-in, see
     gen_reference.py).
SCENARIO config_errors compares what the program wrote of each rejected
configuration with config_errors.json instead.
SCENARIO rabbitmq_messages compares (c) with each message's raw_body in
rabbitmq_messages.json instead (one message per handle() call).
--response-size N: the response_size value must be N (the C++ rule of include/phanos/result_size.hpp, not
Python's sys.getsizeof); that value is masked on both sides.
"""
import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys

MS = re.compile(r"value: [0-9.e+-]+ mS")  # as gen_reference.py
SIZE_LINE = re.compile(r"^(profiler: response_size, .*value: )([0-9.e+-]+)( B)$", re.M)


def dumps(value):
    """Python phanos' wire format (gen_reference.py's orjson stand-in)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def diff(expected, got, what):
    lines = difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                 "python/" + what, "c++/" + what)
    return "".join(lines)


def read_calls(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        fail("calls.txt does not end with a newline")
    lines.pop()
    if len(lines) % 2:
        fail("calls.txt: a profiler name without its records")
    return [{"profiler": lines[i], "wire": lines[i + 1]} for i in range(0, len(lines), 2)]


def check_time(value, where):
    # Elapsed milliseconds rounded to 2 decimals (as Python phanos does).
    if not isinstance(value, float) or value < 0 or round(value, 2) != value:
        fail(f"{where}: time {value!r} is not a float >= 0 rounded to 2 decimals")


def masked_records(profiler, records, response_size, where):
    for r in records:
        if r["units"] == "mS":
            check_time(r["value"][1], where)
            r["value"][1] = "<ms>"
        if profiler == "response_size" and response_size is not None:
            if r["value"][1] != response_size:
                fail(f"{where}: response_size observed {r['value'][1]!r}, expected {response_size!r}")
            r["value"][1] = "<size>"
    return records


def mask_reference_sizes(profiler, records, response_size):
    if profiler == "response_size" and response_size is not None:
        for r in records:
            r["value"][1] = "<size>"
    return records


def compare_text(got, expected, response_size):
    got = MS.sub("value: <ms> mS", got)
    if response_size is not None:
        for m in SIZE_LINE.finditer(got):
            if float(m.group(2)) != response_size:
                fail(f"text: response_size {m.group(2)}, expected {response_size!r}")
        got = SIZE_LINE.sub(r"\1<size>\3", got)
        expected = SIZE_LINE.sub(r"\1<size>\3", expected)
    if got != expected:
        fail("(a) text differs:\n" + diff(expected, got, "text"))


def check_wire(call, index):
    """The bytes must be what json.dumps writes for what they hold: any other
    spelling of a number, escape or separator shows up here."""
    where = f"call {index} ({call['profiler']})"
    try:
        records = json.loads(call["wire"])
    except ValueError as e:
        fail(f"{where}: to_json is not JSON: {e}\n{call['wire']}")
    canonical = dumps(records)
    if canonical != call["wire"]:
        fail(f"(c) {where}: to_json bytes differ from Python's json.dumps of the same records:\n"
             f"python: {canonical}\nc++:    {call['wire']}")
    return records


# Python raises KeyError / AttributeError with its own wording; here every
# rejection is a ConfigError whose message names the key (docs/configuration.md). What
# each message must name, by configuration:
CONFIG_ERROR_MENTIONS = ["job", "phanos.publisher.NoSuchHandler"]


def compare_config_errors(work_dir, reference):
    with open(os.path.join(work_dir, "errors.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines.pop() != "" or len(lines) % 3:
        fail("errors.txt: not three lines per configuration")
    with open(reference, encoding="utf-8") as f:
        expected = json.load(f)
    if len(lines) // 3 != len(expected) or len(expected) != len(CONFIG_ERROR_MENTIONS):
        fail(f"errors.txt: {len(lines) // 3} configurations, the reference has {len(expected)}")
    for i, e in enumerate(expected):
        config, raised, message = lines[3 * i:3 * i + 3]
        if not (config.startswith("config ") and raised.startswith("raised ") and message.startswith("message ")):
            fail(f"errors.txt: configuration {i} is malformed")
        if json.loads(config[len("config "):]) != e["config"]:
            fail(f"configuration {i} is not the reference's: {config}")
        raised, message = raised[len("raised "):], message[len("message "):]
        if e["raised"] is None:
            if raised != "None":
                fail(f"configuration {i}: Python accepted it, C++ raised {raised}: {message}")
            continue
        if raised != "phanos::ConfigError":
            fail(f"configuration {i}: Python raised {e['raised']}, C++ raised {raised!r}, not phanos::ConfigError")
        if CONFIG_ERROR_MENTIONS[i] not in message:
            fail(f"configuration {i}: the message does not name {CONFIG_ERROR_MENTIONS[i]!r}: {message}")
    print(f"OK: config_errors: {len(expected)} configurations rejected as in Python")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("program")
    ap.add_argument("scenario")
    ap.add_argument("reference_dir")
    ap.add_argument("work_dir")
    ap.add_argument("--response-size", type=float)
    args = ap.parse_args()
    ref = lambda name: os.path.join(args.reference_dir, name)

    # No output of an earlier run may pass for this one's.
    shutil.rmtree(args.work_dir, ignore_errors=True)
    os.makedirs(args.work_dir)
    run = subprocess.run([args.program, args.work_dir], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=60)
    if run.returncode != 0:
        fail(f"{args.program} exited with {run.returncode}:\n{run.stdout}")
    if args.scenario == "config_errors":
        return compare_config_errors(args.work_dir, ref("config_errors.json"))

    calls = read_calls(os.path.join(args.work_dir, "calls.txt"))
    got = []
    for i, call in enumerate(calls):
        records = check_wire(call, i)
        records = masked_records(call["profiler"], records, args.response_size, f"call {i}")
        got.append({"profiler": call["profiler"], "records": records, "wire": dumps(records)})

    if args.scenario == "rabbitmq_messages":
        with open(ref("rabbitmq_messages.json"), encoding="utf-8") as f:
            messages = json.load(f)
        expected = [{"records": m["body"], "wire": m["raw_body"]} for m in messages]
    else:
        with open(ref(args.scenario + ".txt"), encoding="utf-8", newline="") as f:
            expected_text = f.read()
        with open(os.path.join(args.work_dir, "text.txt"), encoding="utf-8", newline="") as f:
            compare_text(f.read(), expected_text, args.response_size)
        with open(ref(args.scenario + ".records.json"), encoding="utf-8") as f:
            ref_calls = json.load(f)
        expected = []
        for c in ref_calls:
            records = mask_reference_sizes(c["profiler"], c["records"], args.response_size)
            expected.append({"profiler": c["profiler"], "records": records, "wire": dumps(records)})

    # (b) the same handle() calls: names, batches, records
    strip = lambda calls, keys: [{k: c[k] for k in keys if k in c} for c in calls]
    # RabbitMQ messages carry no metric name (the routing key is the job).
    keys = ("records",) if args.scenario == "rabbitmq_messages" else ("profiler", "records")
    if strip(got, keys) != strip(expected, keys):
        fail("(b) handle() calls differ:\n" +
             diff(json.dumps(strip(expected, keys), indent=1), json.dumps(strip(got, keys), indent=1),
                  "calls"))
    # (c) byte for byte
    for i, (g, e) in enumerate(zip(got, expected)):
        if g["wire"] != e["wire"]:
            fail(f"(c) call {i} wire bytes differ:\npython: {e['wire']}\nc++:    {g['wire']}")
    print(f"OK: {args.scenario}: text and {len(got)} handle() calls match Python phanos byte for byte")


if __name__ == "__main__":
    main()
