"""The machinery shared by `make bench` and `make load`: the bench database, production settings, gunicorn.

Everything runs on this machine only (127.0.0.1): PostgreSQL database `collectif_bench` (created if missing),
Redis for the cache and sessions, and gunicorn started with the production settings (DEBUG off, cached
templates, manifest static files) plus the timing headers of core.middleware.ServerTimingMiddleware.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "collectif_bench")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
VAR = ROOT / "var" / "bench"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workers=2):
    """The environment of every process: production settings pointed at the bench database and Redis."""
    VAR.mkdir(parents=True, exist_ok=True)
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_SETTINGS_MODULE": "collectif.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{PG_SERVER}/{DATABASE}",
        # Persistent connections, as a production deployment would configure them.
        "CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS,
        "CACHE_KEY_PREFIX": "bench",
        "COLLECTIF_STATIC_ROOT": str(VAR / "static"),
        "MEDIA_ROOT": str(VAR / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "COLLECTIF_TIMING_HEADERS": "1",
        "LOG_FORMAT": "plain",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(workers),
        "COLLECTIF_DEV_TOOLS": "1",
    }


def ensure_database():
    """Create the bench database if it does not exist (never dropped: seeding it takes minutes)."""
    admin = f"{PG_SERVER}/postgres"
    found = subprocess.run(
        ["psql", admin, "-tA", "-v", f"name={DATABASE}"],
        input="SELECT 1 FROM pg_database WHERE datname = :'name';",
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if found != "1":
        subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{DATABASE}"'], check=True, capture_output=True)
        print(f"Base {DATABASE} créée.", flush=True)


def manage(env, *args, capture=False, timeout=1200):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=capture,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        if capture:
            sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} a échoué (code {result.returncode}).")
    return result.stdout if capture else ""


def prepare(env):
    """Database, schema, static files and data at scale (seeded only when missing)."""
    ensure_database()
    print("Migrations...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    print("Données de mesure...", flush=True)
    manage(env, "bench_seed")
    return json.loads(manage(env, "bench_seed", "--targets", capture=True))


class Gunicorn:
    """gunicorn on a free loopback port, stopped by SIGTERM when the block ends."""

    def __init__(self, env, workers=2, threads=1):
        self.env, self.workers, self.threads = env, workers, threads
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = None
        self.process = None

    def __enter__(self):
        self.log = open(VAR / "gunicorn.log", "w")  # noqa: SIM115 - closed in __exit__
        command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{self.port}"]
        command += ["-w", str(self.workers), "--threads", str(self.threads), "--no-control-socket", "collectif.wsgi"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn s'est arrêté au démarrage : voir {VAR / 'gunicorn.log'}")
            try:
                if requests.get(self.base + "/sante/", timeout=10).status_code == 200:
                    return self
            except requests.RequestException:  # still booting
                pass
            time.sleep(0.3)
        self.__exit__()
        raise SystemExit("gunicorn n'a pas répondu en 120 s.")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.log:
            self.log.close()
