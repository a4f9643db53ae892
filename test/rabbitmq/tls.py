"""The RabbitMQ handlers over TLS, against the shared node's TLS listener
(node_fixture.py: its CA, its certificate for localhost and 127.0.0.1, and
a client certificate the listener requires). Records published with
RabbitParams and with a PHANOS_CONFIG dict arrive, read back on the node's
plain port; a refused handshake (wrong CA, a certificate for another name,
no TLS at the port, no client certificate) is one log line naming
host:port and OpenSSL's reason, and the program ends with its own output.
ssl_verify_peer and ssl_verify_hostname each turn off their check only.

Usage: tls.py FAULT_PROGRAM CONFIG_PROGRAM CONSUMER NODE_STATE
"""
import json
import os
import subprocess
import sys

from harness import Checks, Consumer, check_program_survived, finish_program, phanos_lines, start_program
from rabbit_node import Node

fault_program, config_program, consumer_bin, state = sys.argv[1:5]
node = Node.load(state)
tls = node.tls
checks = Checks()
calls = 20
client = dict(ssl="true", ssl_ca=tls["ca.pem"], ssl_cert=tls["client.pem"], ssl_key=tls["client.key"])


def job(name):
    return f"tls_{name}_{os.getpid()}"


def fault_run(name, mode, port, **options):
    command = [fault_program, mode, port, job(name), f"calls={calls}", "interval_ms=5"]
    return start_program(command + [f"{k}={v}" for k, v in options.items()])


def records_of(messages, name):
    """The records published under the job of test `name`."""
    return [record for message in messages if message["routing_key"] == job(name)
            for record in json.loads(message["raw_body"])]


consumer = Consumer(consumer_bin, node.port, 60)

published = {
    "params_sync": fault_run("params_sync", "sync", node.tls_port, **client),
    "params_async": fault_run("params_async", "async", node.tls_port, **client),
    # The certificate is for 127.0.0.1, not 127.0.0.2 (the same node):
    # accepted only without the name check.
    "no_name_check": fault_run("no_name_check", "async", node.tls_port, host="127.0.0.2", ssl_verify_hostname="false",
                               **client),
    # A CA that did not sign it: accepted only without the chain check.
    "no_chain_check": fault_run("no_chain_check", "sync", node.tls_port, ssl_verify_peer="false",
                                **dict(client, ssl_ca=tls["other_ca.pem"])),
}
dict_config = {"job": job("dict_config"), "handlers": {"rabbit": {
    "class": "phanos.publisher.ImpProfHandler", "handler_name": "rabbit", "port": node.tls_port, "ssl": True,
    "ssl_ca": tls["ca.pem"], "ssl_cert": tls["client.pem"], "ssl_key": tls["client.key"]}}}
print("PHANOS_CONFIG=" + json.dumps(dict_config), flush=True)
dict_program = subprocess.Popen([config_program], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, PHANOS_CONFIG=json.dumps(dict_config)))
refused = {
    "wrong_ca": (fault_run("wrong_ca", "sync", node.tls_port, **dict(client, ssl_ca=tls["other_ca.pem"])),
                 f"127.0.0.1:{node.tls_port}", "TLS handshake failed: certificate verify failed ("),
    "other_name": (fault_run("other_name", "async", node.tls_port, host="127.0.0.2", drain=0.5, **client),
                   f"127.0.0.2:{node.tls_port}", "TLS handshake failed: certificate verify failed (IP address mismatch)"),
    "name_checked_alone": (fault_run("name_checked_alone", "sync", node.tls_port, host="127.0.0.2",
                                     ssl_verify_peer="false", **dict(client, ssl_ca=tls["other_ca.pem"])),
                           f"127.0.0.2:{node.tls_port}",
                           "TLS handshake failed: certificate verify failed (IP address mismatch)"),
    "no_tls_there": (fault_run("no_tls_there", "sync", node.port, **client),
                     f"127.0.0.1:{node.port}", "TLS handshake failed: wrong version number"),
    # With TLS 1.3 the broker refuses after the handshake: its alert, or
    # the connection it closed when that came first.
    "no_client_certificate": (fault_run("no_client_certificate", "sync", node.tls_port, ssl="true", ssl_ca=tls["ca.pem"]),
                              f"127.0.0.1:{node.tls_port}",
                              ("a SSL error occurred: tlsv13 alert certificate required",
                               "a SSL error occurred: the broker closed the TLS connection")),
}

for name, process in published.items():
    code, out, err, _ = finish_program(process)
    sys.stderr.write(f"--- {name} stderr\n{err}")
    check_program_survived(checks, name, code, out)
    checks.check(not phanos_lines(err, "phanos:"), f"{name}: phanos logged nothing")
code, out, err, _ = finish_program(dict_program)
sys.stderr.write(f"--- dict_config stderr\n{err}")
checks.check(code == 3 and "program: hello world" in out, f"dict_config: the program's own output and exit code ({code})")
checks.check(not phanos_lines(err, "phanos:"), "dict_config: phanos logged nothing")

for name, (process, address, reason) in refused.items():
    code, out, err, _ = finish_program(process)
    sys.stderr.write(f"--- {name} stderr\n{err}")
    check_program_survived(checks, name, code, out)
    errors = phanos_lines(err, "cannot connect")
    checks.check(len(errors) == 1, f"{name}: one error line for the whole run, got {len(errors)}")
    reasons = reason if isinstance(reason, tuple) else (reason,)
    checks.check(all(f"({address}): cannot connect: " in line and any(r in line for r in reasons) for line in errors),
                 f"{name}: the error names {address} and the reason ({' or '.join(reasons)})")

expected = {"params_sync": calls, "params_async": calls, "no_name_check": calls, "no_chain_check": calls,
            "dict_config": 2}
consumer.wait_for(lambda messages: all(len(records_of(messages, name)) >= count for name, count in expected.items()),
                  30)
messages = consumer.stop()
for name, count in expected.items():
    got = len(records_of(messages, name))
    checks.check(got == count, f"{name}: {count} records arrived over TLS, got {got}")
for name in refused:
    checks.check(not records_of(messages, name), f"{name}: nothing arrived")
checks.exit()
