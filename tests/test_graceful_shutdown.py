"""gunicorn as configured (gunicorn.conf.py): a graceful shutdown refuses new connections at once, so they go to
another instance, and still finishes the request in hand (issue 23: requests arriving meanwhile used to hang,
then be reset)."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, pause, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", f"/?{pause}")
    response = connection.getresponse()
    return response.status, response.read()


def wait_until_serving(port, process):
    end = time.monotonic() + 30
    while time.monotonic() < end:
        assert process.poll() is None, process.stdout.read()
        try:
            return get(port, 0, timeout=1)
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def test_a_graceful_shutdown_refuses_new_connections_at_once_and_finishes_requests_in_hand():
    port = free_port()
    env = {**os.environ, "WEB_CONCURRENCY": "1", "GUNICORN_BIND": f"127.0.0.1:{port}"}
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--no-control-socket"]
    server = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [*command, "tests.slow_wsgi_app:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_serving(port, server)
        in_hand = {}
        slow = threading.Thread(target=lambda: in_hand.update(result=get(port, 3)))
        slow.start()
        time.sleep(0.5)  # the slow request is being served
        server.send_signal(signal.SIGTERM)
        time.sleep(0.7)
        began = time.monotonic()
        try:
            outcome = get(port, 0, timeout=5)
        except ConnectionRefusedError:
            outcome = "refused"
        except OSError as error:
            outcome = f"{type(error).__name__} after {time.monotonic() - began:.1f} s"
        assert outcome == "refused", outcome
        slow.join(timeout=10)
        assert in_hand["result"] == (200, b"fini")
        server.wait(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
