"""The records a StreamHandler wrote to a file, one line each:
`profiler: time_profiler, method: Item:root.child, value: 0.01 mS`.
A whole library's test suite writes millions: read with string operations,
the method's parts looked at once per distinct method."""
import re
from dataclasses import dataclass

VALUE = re.compile(r"-?[0-9]+(\.[0-9]+)? \w+")


@dataclass
class Records:
    count: int
    methods: set          # distinct `method:` values
    functions: set        # distinct names of the functions that made them (a method's last part)
    malformed: list       # lines that are not a record (the first few)


def read_records(path):
    count, methods, malformed = 0, set(), []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            line = line.rstrip("\n")
            profiler, has_method, rest = line.partition(", method: ")
            method, has_value, value = rest.rpartition(", value: ")
            if not (has_method and has_value and profiler.startswith("profiler: ") and VALUE.fullmatch(value)):
                if len(malformed) < 10:
                    malformed.append(line)
                continue
            count += 1
            methods.add(method)
    functions = {method.split(":", 1)[-1].rsplit(".", 1)[-1] for method in methods}
    return Records(count, methods, functions, malformed)
