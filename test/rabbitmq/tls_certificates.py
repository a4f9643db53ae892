"""The certificates of the TLS tests, made with openssl in a directory of the
build (never committed): a CA, the node's certificate from it (for
localhost and 127.0.0.1 only), a client certificate from it, and a second
CA that signed neither (the wrong CA)."""
import os
import subprocess

FILES = ("ca.pem", "server.pem", "server.key", "client.pem", "client.key", "other_ca.pem")


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def _key_and_request(name, subject, cwd):
    _openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", subject, cwd=cwd)


def _ca(name, subject, cwd):
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2", "-subj", subject, cwd=cwd)


def _signed(name, subject, extensions, cwd):
    _key_and_request(name, subject, cwd)
    with open(os.path.join(cwd, f"{name}.ext"), "w") as f:
        f.write(extensions)
    _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", f"{name}.ext", "-out", f"{name}.pem", cwd=cwd)


def make(directory):
    """Makes them all in `directory`, readable by the node (it may run as
    user rabbitmq); returns {file name: path}."""
    os.makedirs(directory, exist_ok=True)
    _ca("ca", "/CN=phanos test CA", directory)
    _ca("other_ca", "/CN=phanos other CA", directory)
    _signed("server", "/CN=localhost",
            "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n", directory)
    _signed("client", "/CN=phanos test client", "extendedKeyUsage=clientAuth\n", directory)
    os.chmod(directory, 0o755)
    for name in os.listdir(directory):
        os.chmod(os.path.join(directory, name), 0o644)
    return {name: os.path.join(directory, name) for name in FILES}
