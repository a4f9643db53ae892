"""The records a StreamHandler wrote to a file, one line each:
`profiler: time_profiler, method: Item:root.child, value: 0.01 mS`."""
import re
from dataclasses import dataclass

RECORD = re.compile(r"^profiler: (?P<metric>\w+), method: (?P<method>.+), value: (?P<value>-?[0-9.]+) (?P<units>\w+)$")


@dataclass
class Records:
    count: int
    methods: set          # distinct `method:` values
    functions: set        # distinct names of the functions that made them (a method's last part)
    malformed: list       # lines that are not a record


def read_records(path):
    count, methods, functions, malformed = 0, set(), set(), []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            record = RECORD.match(line.rstrip("\n"))
            if not record:
                malformed.append(line.rstrip("\n"))
                continue
            count += 1
            method = record["method"]
            methods.add(method)
            functions.add(method.split(":", 1)[-1].rsplit(".", 1)[-1])
    return Records(count, methods, functions, malformed)
