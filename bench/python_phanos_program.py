#!/usr/bin/python3
"""Python phanos' side of the end-to-end benchmark (run_pipeline_bench.py
--python-phanos): the equivalent of pipeline_program.cpp with Python phanos'
own AsyncImpProfHandler (aio_pika), root calls of a profiled coroutine as
fast as it goes, each one record and one message awaited by the call, as
Python phanos does. Prints the JSON line of pipeline_program.cpp but "dropped".

Usage: python_phanos_program.py PHANOS_CHECKOUT PORT CALLS

PHANOS_CHECKOUT: a checkout of https://github.com/kajotgames/phanos (tag
v0.3.2), not part of this repository; its src/ is imported as it is. Needs
pika and aio_pika (Debian 12: python3-pika, python3-aio-pika, run with
Debian's /usr/bin/python3). Debian 12 has no orjson: when it cannot be
imported, the standard json module stands in for orjson.dumps (compact
separators, UTF-8 bytes, as orjson writes), which is slower than orjson.
"""
import asyncio
import json
import os
import sys
import time
import types


def usage(problem):
    sys.exit(f"python_phanos_program.py: {problem}\nusage: python_phanos_program.py PHANOS_CHECKOUT PORT CALLS")


def import_phanos(checkout):
    source = os.path.join(checkout, "src")
    if not os.path.isfile(os.path.join(source, "phanos", "publisher.py")):
        usage(f"{checkout!r} is not a checkout of Python phanos (no src/phanos/publisher.py)")
    try:
        import orjson  # noqa: F401
    except ImportError:
        stand_in = types.ModuleType("orjson")
        stand_in.dumps = lambda value: json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
        sys.modules["orjson"] = stand_in
        print("python_phanos_program.py: orjson not installed, json.dumps stands in for orjson.dumps",
              file=sys.stderr)
    sys.path.insert(0, source)
    import phanos
    return phanos


async def run(phanos, port, calls):
    phanos.profiler.async_config(job="pipeline_bench")
    handler = await phanos.publisher.AsyncImpProfHandler.create("rabbit", port=port)
    phanos.profiler.add_handler(handler)

    @phanos.profile
    async def handle(request):
        return request * 3 + 1

    first_call = time.monotonic()
    for request in range(calls):
        await handle(request)
    calls_done = time.monotonic()
    await handler.publisher.close()
    drained = time.monotonic()
    # No "dropped": Python phanos' handler counts nothing it loses (it logs
    # a warning); the count in /metrics tells.
    print(json.dumps({"calls": calls, "records": calls, "first_call": first_call,
                      "calls_done": calls_done, "drained": drained}), flush=True)


def main():
    if len(sys.argv) != 4:
        usage("needs the path of a Python phanos checkout (git clone https://github.com/kajotgames/phanos), "
              "the broker's port and the number of calls")
    checkout, port, calls = sys.argv[1], sys.argv[2], sys.argv[3]
    if not (port.isdigit() and calls.isdigit()):
        usage(f"PORT and CALLS are numbers, not {port!r} and {calls!r}")
    asyncio.run(run(import_phanos(checkout), int(port), int(calls)))


if __name__ == "__main__":
    main()
