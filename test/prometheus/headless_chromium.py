"""Debian's chromium, headless, driven over the DevTools protocol on
--remote-debugging-pipe (the browser reads commands from its fd 3 and
writes answers and events to its fd 4, each a JSON text ended by a NUL):
Python's standard library is enough, no WebDriver."""
import base64
import fcntl
import json
import os
import shutil
import subprocess
import time


class Chromium:
    def __init__(self, profile_dir, width=1280, height=800):
        binary = shutil.which("chromium")
        if not binary:
            raise RuntimeError("chromium is not installed: bash scripts/test.sh installs it (scripts/common.sh)")
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()
        # Above 4, so that putting them at 3 and 4 in the child overwrites neither.
        child_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(answers_write, fcntl.F_DUPFD, 10)
        for fd in (commands_read, answers_write):
            os.close(fd)

        def at_3_and_4():
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        # --no-sandbox: the suite runs as root, where chromium's sandbox refuses to start.
        command = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--remote-debugging-pipe", f"--user-data-dir={profile_dir}", f"--window-size={width},{height}",
                   "about:blank"]
        print("$ " + " ".join(command), flush=True)
        self.process = subprocess.Popen(command, preexec_fn=at_3_and_4, pass_fds=(3, 4),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_read)
        os.close(child_write)
        self._buffer = b""
        self._next_id = 0
        self._session = None
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def send(self, method, **params):
        """The result of one command (events meanwhile are skipped)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if self._session:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._answers, 65536)
                if not chunk:
                    raise RuntimeError(f"chromium closed its pipe during {method}")
                self._buffer += chunk
            text, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(text)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def navigate(self, url):
        self.send("Page.navigate", url=url)

    def evaluate(self, expression):
        """The value of a JavaScript expression (JSON-able), run in the page."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=15):
        """Until the expression is truthy in the page; its value, or None on time-out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:  # the page is still loading
                value = None
            if value:
                return value
            time.sleep(0.1)
        return None

    def click(self, x, y):
        """A real mouse click at page coordinates, as a user makes it."""
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def hover(self, x, y):
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def press(self, key, code=None, key_code=0):
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=code or key, windowsVirtualKeyCode=key_code)

    def type_text(self, text):
        self.send("Input.insertText", text=text)

    def screenshot(self, path):
        png = base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])
        with open(path, "wb") as f:
            f.write(png)
        return len(png)

    def close(self):
        self._session = None  # Browser.close is the browser's, not the page's
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._answers):
            os.close(fd)
