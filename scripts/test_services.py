"""Run a command (the test suite, the scale check) with the services it needs, set up on a bare machine.

- Chromium (Debian's package) for the browser tests: installed when missing and we are root; otherwise the one
  command to run is printed and we stop.
- Redis: the one named by TEST_REDIS_URL (or the usual 127.0.0.1:6379) when it answers; otherwise a throwaway
  `redis-server` on a free loopback port, started for this run and stopped after it (Debian's package is
  installed first when missing and we are root). The command finds its address in TEST_REDIS_URL.

Usage: python -m scripts.test_services [--chromium] -- command args…
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
DEFAULT_REDIS = "redis://127.0.0.1:6379/13"


def say(message):
    print(f"[services] {message}", file=sys.stderr, flush=True)


def is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(package, command_hint):
    """Install a Debian package as root; elsewhere print the command and stop."""
    if not is_root() or not shutil.which("apt-get"):
        say(f"{package} est introuvable : installez-le avec « {command_hint} », puis relancez.")
        sys.exit(1)
    say(f"installation de {package} (paquet Debian)…")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env, stdout=subprocess.DEVNULL)


def ensure_chromium():
    if not os.path.exists(CHROMIUM):
        apt_install("chromium", "sudo apt-get install -y chromium")


def redis_answers(url, timeout=0.5):
    """True when a Redis server answers PING at this URL (plain socket: no client library needed)."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def redis_url():
    """Yield the URL of a Redis for this run, starting a throwaway one when none answers."""
    url = os.environ.get("TEST_REDIS_URL", DEFAULT_REDIS)
    if redis_answers(url):
        yield url
        return
    if not shutil.which("redis-server"):
        apt_install("redis-server", "sudo apt-get install -y redis-server")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="collectif-redis-")
    say(f"aucun Redis ne répond : serveur jetable sur 127.0.0.1:{port}")
    server = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
        + ["--dir", workdir],
        stdout=subprocess.DEVNULL,
    )
    try:
        url = f"redis://127.0.0.1:{port}/13"
        for _attempt in range(100):
            if redis_answers(url):
                break
            time.sleep(0.05)
        else:
            raise SystemExit("Le serveur Redis jetable n'a pas démarré.")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv):
    if "--" not in argv:
        raise SystemExit(__doc__)
    options, command = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    if "--chromium" in options:
        ensure_chromium()
    with redis_url() as url:
        completed = subprocess.run(command, env={**os.environ, "TEST_REDIS_URL": url}, check=False)
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
