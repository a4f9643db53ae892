"""What the plugin did to each function of a build, from its
-fplugin-arg-phanos-verbose remarks: one per function instrumented, and in
instrument-files mode one per function skipped, naming the reason.

A function defined in a header gets a remark in every translation unit that
includes it; here it counts once (by file, line and column).
"""
import re
from collections import Counter
from dataclasses import dataclass, field

REMARK = re.compile(r"^(?P<file>\S[^:]*):(?P<line>\d+):(?P<column>\d+): remark: (?P<text>\[\[phanos::profile\]\] .*)$")
INSTRUMENTED = re.compile(r"instruments '(?P<function>.*)' \(item '(?P<item>[^']*)', name '(?P<name>[^']*)'\)$")
SKIPPED = re.compile(r"ignored on '(?P<function>.*?)': (?P<reason>.*)$")
# The one reason that names a count of its own function's: counted as one.
STATEMENT_COUNT = re.compile(r"^it has \d+ statements?, ")


@dataclass
class Remarks:
    instrumented: dict = field(default_factory=dict)  # (file, line, column) -> (item, name)
    skipped: dict = field(default_factory=dict)       # (file, line, column) -> reason
    unrecognised: list = field(default_factory=list)  # remark lines neither pattern reads

    def skip_reasons(self):
        return Counter(self.skipped.values())


def read_remarks(build_output):
    remarks = Remarks()
    for line in build_output.splitlines():
        remark = REMARK.match(line)
        if not remark:
            continue
        where = (remark["file"], int(remark["line"]), int(remark["column"]))
        text = remark["text"]
        if instrumented := INSTRUMENTED.search(text):
            remarks.instrumented[where] = (instrumented["item"], instrumented["name"])
        elif skipped := SKIPPED.search(text):
            remarks.skipped[where] = STATEMENT_COUNT.sub("", skipped["reason"])
        else:
            remarks.unrecognised.append(line)
    return remarks
