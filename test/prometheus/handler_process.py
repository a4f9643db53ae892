"""handler_program.cpp as the Prometheus tests run it: configured only
through PHANOS_CONFIG with a PrometheusHandler on 127.0.0.1:PORT, serving
until its standard input closes."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "collector"))
from collector_harness import free_port, http_get  # noqa: E402


def phanos_config(job, port):
    return json.dumps({"job": job, "error_raised_label": True,
                       "handlers": {"prom": {"class": "phanos.handlers.PrometheusHandler", "handler_name": "prom",
                                             "listen": f"127.0.0.1:{port}"}}})


class HandlerProcess:
    def __init__(self, program, job, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/metrics"
        env = dict(os.environ, PHANOS_CONFIG=phanos_config(job, self.port))
        print(f"$ PHANOS_CONFIG='{env['PHANOS_CONFIG']}' {program}", flush=True)
        self.process = subprocess.Popen([program], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        # Its calls are made and handed over once it says so.
        self.ready_line = self.process.stdout.readline().strip()

    def metrics(self, timeout=5):
        return http_get(self.url, timeout=timeout)

    def stop(self):
        """Closes its input; (exit code, stdout rest, stderr)."""
        out, err = self.process.communicate("", timeout=30)
        return self.process.returncode, out, err
