"""The call-tree page in a real browser: tree_program.cpp makes a known tree
of calls (two raising) and serves it with a PrometheusHandler; headless
chromium loads GET /, and the test reads from the rendered DOM that every
method is there with its count, that a click zooms into a subtree and
Escape back out, that the search marks what matches and hover shows the
figures; /api/tree is checked against the calls made. The screenshot it
takes is docs/images/call-tree.png's source.

Usage: call_tree_page.py TREE_PROGRAM OUTPUT_DIR
"""
import json
import os
import shutil
import sys
import urllib.error

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "collector"))
from collector_harness import Checks, http_get, wait_until  # noqa: E402
from handler_process import HandlerProcess  # noqa: E402
from headless_chromium import Chromium  # noqa: E402

program, output_dir = sys.argv[1:3]
checks = Checks()
job = f"shop_{os.getpid()}"
# (count, errors) per method, as tree_program.cpp calls them.
expected = {
    "Shop:checkout": (8, 2), "Shop:checkout.validate": (8, 0), "Shop:checkout.charge": (8, 2),
    "Shop:checkout.ship": (6, 0), "Shop:checkout.ship.pack": (6, 0), "Shop:search": (3, 0),
}


def nodes(tree):
    """Every node of an /api/tree answer, by path."""
    found = {}
    stack = list(tree["roots"])
    while stack:
        node = stack.pop()
        found[node["path"]] = node
        stack.extend(node["children"])
    return found


def status_of(url):
    try:
        http_get(url)
        return 200
    except urllib.error.HTTPError as error:
        return error.code


served = HandlerProcess(program, job)
checks.check(served.ready_line == "tree_program: calls done, 2 declined", f"program ran: {served.ready_line!r}")
base = f"http://127.0.0.1:{served.port}"
browser = None
try:
    # The API, against the calls made (handed to the handler's thread by now,
    # aggregated within its next 100 ms).
    def counted():
        tree = json.loads(http_get(f"{base}/api/tree?job={job}&window=all"))
        got = {path: (node["count"], node["errors"]) for path, node in nodes(tree).items()}
        return tree if got == expected else None
    tree = wait_until(counted, 10)
    checks.check(tree is not None, f"/api/tree has every call with its count and errors: {expected}")
    if tree is None:
        checks.exit()  # the rest would only fail after it
    by_path = nodes(tree)
    checks.check([root["name"] for root in tree["roots"]] == ["Shop:checkout", "Shop:search"],
                 "the roots are checkout and search")
    for path, node in by_path.items():
        children = sum(child["total"] for child in node["children"])
        checks.check(abs(node["self"] - (node["total"] - children)) < 1e-6 and node["total"] > 0,
                     f"{path}: self {node['self']:.3f} = total {node['total']:.3f} - children {children:.3f}")
        checks.check(node["p50"] <= node["p95"] <= node["p99"], f"{path}: p50 <= p95 <= p99")
    # sleeps of 3 ms: between the 2.5 and 5 ms bounds, so the quantiles are too
    charge = by_path["Shop:checkout.charge"]
    checks.check(2.5 <= charge["p50"] <= 5 and charge["mean"] >= 3, f"charge's p50 {charge['p50']} is in (2.5, 5]")
    checks.check(tree["jobs"] == [job] and tree["windows"] == ["all", "1m", "5m", "15m"], "jobs and windows listed")
    one_minute = nodes(json.loads(http_get(f"{base}/api/tree?job={job}&window=1m")))
    checks.check({p: n["count"] for p, n in one_minute.items()} == {p: c for p, (c, _) in expected.items()},
                 "the last minute holds every call too (the program is younger)")
    checks.check(status_of(f"{base}/api/tree?job=nobody") == 404, "an unknown job is a 404")
    checks.check(status_of(f"{base}/api/tree?job={job}&window=2m") == 400, "an unknown window is a 400")

    # The page.
    profile = os.path.join(output_dir, "chromium-profile")
    shutil.rmtree(profile, ignore_errors=True)
    browser = Chromium(profile)
    browser.navigate(f"{base}/?job={job}")
    rows = browser.wait_for("[...document.querySelectorAll('#table tbody tr')]"
                            ".map(r => [r.dataset.path, r.cells[1].textContent])")
    shown = {path: int(count) for path, count in rows or []}
    checks.check(shown == {p: c for p, (c, _) in expected.items()}, f"the table shows every method with its count: {shown}")
    boxes = browser.evaluate("[...document.querySelectorAll('#icicle .box')].map(b => [b.dataset.path, b.dataset.count])")
    checks.check({p: int(c) for p, c in boxes} == {p: c for p, (c, _) in expected.items()},
                 "the icicle has a box per method with its count")
    checks.check(browser.evaluate("document.getElementById('job').value") == job, "the job picker shows the job")
    checks.check(browser.evaluate("[...document.getElementById('window').options].map(o => o.value)")
                 == ["all", "1m", "5m", "15m"], "the window picker lists the windows")
    checks.check(browser.evaluate("document.getElementById('table').tBodies[0].rows[0].dataset.path")
                 == "Shop:checkout", "the table is sorted by total, the costliest first")

    def box_centre(path):
        return browser.evaluate(f"(() => {{ const r = document.querySelector('.box[data-path=\"{path}\"]')"
                                ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")

    # Hover: the figures of a call.
    browser.hover(*box_centre("Shop:checkout.charge"))
    details = browser.wait_for("document.querySelector('#details h2') && "
                               "[document.querySelector('#details h2').textContent, "
                               "document.querySelector('#details dd[data-figure=count]').textContent, "
                               "document.querySelector('#details dd[data-figure=errors]').textContent]")
    checks.check(details == ["charge", "8", "2 (25.0 %)"], f"hovering charge shows its count and errors: {details}")

    # Zoom: a click on ship leaves ship and pack, ship across the whole width.
    browser.click(*box_centre("Shop:checkout.ship"))
    zoomed = browser.evaluate("[...document.querySelectorAll('#icicle .box')].map(b => b.dataset.path)")
    checks.check(zoomed == ["Shop:checkout.ship", "Shop:checkout.ship.pack"], f"a click zooms into ship: {zoomed}")
    widths = browser.evaluate("[document.querySelector('.box').offsetWidth, document.getElementById('icicle').clientWidth]")
    checks.check(widths[0] >= widths[1] - 2, f"the zoomed call takes the whole width: {widths}")
    browser.press("Escape", key_code=27)
    browser.press("Escape", key_code=27)
    back = browser.evaluate("document.querySelectorAll('#icicle .box').length")
    checks.check(back == len(expected), f"Escape zooms back out to every call ({back} boxes)")

    # The keyboard alone: Tab from the search box (Zoom out is disabled) reaches
    # the first box, Enter zooms into the focused one.
    browser.evaluate("document.getElementById('search').focus()")
    browser.press("Tab", key_code=9)
    focused = browser.evaluate("document.activeElement.dataset.path")
    # The page's refresh (every 10 s) redraws the boxes: the focus stays on the same call.
    browser.evaluate("load()")
    refocused = browser.evaluate("document.activeElement.dataset.path")
    checks.check(refocused == focused, f"a refresh keeps the focus on {focused}: {refocused}")
    browser.press("Enter", key_code=13)
    zoomed = browser.evaluate("[...document.querySelectorAll('#icicle .box')].map(b => b.dataset.path)")
    checks.check(focused == "Shop:checkout" and zoomed and zoomed[0] == "Shop:checkout" and len(zoomed) == 5,
                 f"Tab focuses checkout's box, Enter zooms into it: {focused}, {zoomed}")
    browser.press("Escape", key_code=27)

    # Search: what matches is marked, in the chart and the table.
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text("pack")
    marked = browser.wait_for("[...document.querySelectorAll('.box.match')].map(b => b.dataset.path)")
    rows_marked = browser.evaluate("[...document.querySelectorAll('#table tr.match')].map(r => r.dataset.path)")
    checks.check(marked == ["Shop:checkout.ship.pack"] and rows_marked == ["Shop:checkout.ship.pack"],
                 f"searching 'pack' marks pack alone: {marked}, {rows_marked}")

    # The screenshot: the whole tree, charge's figures beside it.
    browser.evaluate("(() => { const s = document.getElementById('search'); s.value = '';"
                     " s.dispatchEvent(new Event('input')); })()")
    browser.hover(*box_centre("Shop:checkout.charge"))
    screenshot = os.path.join(output_dir, "call-tree.png")
    size = browser.screenshot(screenshot)
    checks.check(size > 10000, f"screenshot saved: {screenshot} ({size} bytes)")
finally:
    if browser:
        browser.close()
    code, _, err = served.stop()
    sys.stderr.write("--- program's stderr\n" + err)
    checks.check(code == 0, f"the program ended normally (exit {code})")
checks.exit()
