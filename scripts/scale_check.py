"""`make scale-check`: prove that web instances and task workers are stateless and interchangeable.

Starts, on this machine only (loopback): an S3-compatible server (moto), two gunicorn instances on two ports
and two task workers, all sharing the local PostgreSQL and Redis. Then runs scripted checks against them,
prints what it checked, stops everything it started and fails on any difference.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests

from scripts.httpclient import Browser

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("SCALE_CHECK_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get(
    "SCALE_CHECK_REDIS", os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15").rsplit("/", 1)[0] + "/15"
)
STARTED = time.monotonic()
# The whole check must finish within 5 minutes on an otherwise idle 2-core machine (SCALE_CHECK_BUDGET: seconds).
DEADLINE = STARTED + float(os.environ.get("SCALE_CHECK_BUDGET", "300"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Stack:
    """The processes of the check and the environment they share."""

    def __init__(self):
        self.processes = []
        self.tmp = Path(tempfile.mkdtemp(prefix="collectif-scale-"))
        self.database = f"collectif_scale_{os.getpid()}"
        self.s3_port, self.port_a, self.port_b = free_port(), free_port(), free_port()
        self.mail_dir = self.tmp / "mail"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
            "DJANGO_SETTINGS_MODULE": "collectif.settings.production",
            "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"{PG_SERVER}/{self.database}",
            "REDIS_URL": REDIS,
            "CACHE_KEY_PREFIX": f"scale{os.getpid()}",
            "AWS_STORAGE_BUCKET_NAME": "collectif-scale",
            "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.s3_port}",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "scale-check",
            "AWS_SECRET_ACCESS_KEY": "scale-check",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "COLLECTIF_STATIC_ROOT": str(self.tmp / "static"),
            # Where files would land if anything bypassed S3: checked empty at the end.
            "MEDIA_ROOT": str(self.tmp / "media"),
            "LOG_FORMAT": "plain",
            "LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": "2",
            "COLLECTIF_DEV_TOOLS": "1",
            "HEALTH_CHECK_TOKEN": uuid.uuid4().hex,
            # A killed worker's task goes back to the queue once its heartbeat is this old (30 s in production).
            "TASK_WORKER_DEAD_AFTER_SECONDS": "10",
            # The workers would start the hourly reminder check within seconds and send the reminders that the
            # killed-worker scenario queues itself: here the periodic jobs wait an hour.
            "PERIODIC_FIRST_RUN_DELAY_SECONDS": "3600",
        }

    def manage(self, *args, check=True):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
            timeout=240,
        )

    def start(self, name, command):
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        # Each process leads its own process group, so that a stuck one is killed with its children only.
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        process.name = name
        self.processes.append(process)
        return process

    def start_web(self, port):
        return self.start(
            f"web-{port}",
            # Two instances on one machine would share gunicorn's default control socket path: none is needed here.
            [
                PYTHON,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "-b",
                f"127.0.0.1:{port}",
                "--no-control-socket",
                "collectif.wsgi",
            ],
        )

    def start_worker(self, name):
        command = [
            PYTHON,
            "manage.py",
            "run_worker",
            "--queue-name",
            "default,lrs",
            "--interval",
            "0.2",
            "--worker-id",
            name,
        ]
        process = self.start(name, command)
        process.worker_id = name
        return process

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                # SIGINT is gunicorn's quick shutdown (SIGTERM would wait for its graceful timeout);
                # task workers get SIGTERM and finish the task in hand.
                process.send_signal(signal.SIGINT if process.name.startswith("web-") else signal.SIGTERM)
        for process in self.processes:
            began = time.monotonic()
            try:
                process.wait(timeout=8)
            except subprocess.TimeoutExpired:  # the leader is still alive: kill it with its children (group)
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
            if time.monotonic() - began > 2:
                print(f"    {process.name} : arrêt en {time.monotonic() - began:.0f} s", flush=True)


def wait_for(url, timeout=120, headers=None):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            response = requests.get(url, timeout=30, headers=headers)
            if response.status_code in (200, 503):
                return response
        except requests.RequestException:  # not listening yet, or still booting
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextmanager
def postgres_database(name):
    admin = f"{PG_SERVER}/postgres"
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], capture_output=True)


def setup_django(env):
    """Read the shared database from this process too, with the instances' own production settings."""
    os.environ.update(env)
    import django

    django.setup()


def close_django_connections():
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()


def bucket_keys(s3):
    keys = set()
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket="collectif-scale"):
        keys.update(item["Key"] for item in page.get("Contents", []))
    return keys


def progress(label):
    print(f"  [...] {time.monotonic() - STARTED:5.0f} s  {label}", flush=True)


def check(label, condition, detail=""):
    status = "ok " if condition else "ÉCHEC"
    elapsed = time.monotonic() - STARTED
    print(f"  [{status}] {elapsed:5.0f} s  {label}{' — ' + detail if detail else ''}", flush=True)
    if not condition:
        raise SystemExit(1)


def run():
    # A CI timeout sends SIGTERM: turn it into SystemExit so that everything started is stopped below.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    stack = Stack()
    print(f"scale-check: journaux dans {stack.tmp}", flush=True)
    with postgres_database(stack.database):
        try:
            # Independent steps overlap: the S3 server and collectstatic (no database) start while migrate runs.
            stack.start("s3", [PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(stack.s3_port)])
            collect = stack.start("collectstatic", [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"])
            stack.manage("migrate", "--noinput")
            stack.manage("createcachetable")
            progress("base migrée")
            if collect.wait(timeout=120) != 0:
                check("collectstatic", False, f"code {collect.returncode}")
            progress("fichiers statiques collectés")
            wait_for(f"http://127.0.0.1:{stack.s3_port}/moto-api/")
            import boto3

            s3 = boto3.client(
                "s3",
                endpoint_url=stack.env["AWS_S3_ENDPOINT_URL"],
                aws_access_key_id="scale-check",
                aws_secret_access_key="scale-check",
                region_name="us-east-1",
            )
            s3.create_bucket(Bucket="collectif-scale")
            base_a, base_b = f"http://127.0.0.1:{stack.port_a}", f"http://127.0.0.1:{stack.port_b}"
            stack.start_web(stack.port_a)
            stack.start_web(stack.port_b)
            workers = [stack.start_worker("worker-1"), stack.start_worker("worker-2")]
            stack.manage("scale_check_fixtures")
            progress("comptes, quiz et 500 personnes à relancer créés ; instances et workers lancés")
            setup_django(stack.env)
            for base in (base_a, base_b):
                health = wait_for(base + "/sante/", headers={"X-Health-Token": stack.env["HEALTH_CHECK_TOKEN"]}).json()
                check(f"{base}/sante/ : base, cache Redis et stockage S3", health["status"] == "ok", str(health))
            from scripts.scale_checks import ALL_CHECKS

            context = {
                "stack": stack,
                "a": base_a,
                "b": base_b,
                "workers": workers,
                "Browser": Browser,
                "check": check,
                "s3_keys": lambda: bucket_keys(s3),
                "s3_read": lambda key: s3.get_object(Bucket="collectif-scale", Key=key)["Body"].read(),
            }
            for scenario in ALL_CHECKS:
                scenario(context)
                if time.monotonic() > DEADLINE:
                    check(f"durée totale sous {DEADLINE - STARTED:.0f} s", False)
            print(
                f"scale-check: toutes les vérifications sont passées en {time.monotonic() - STARTED:.0f} s.", flush=True
            )
        except BaseException:
            close_django_connections()
            stack.stop()
            for log in sorted(stack.tmp.glob("*.log")):
                print(f"--- {log.name} (fin)", flush=True)
                print("\n".join(log.read_text(errors="replace").splitlines()[-15:]), flush=True)
            raise
        close_django_connections()
        stack.stop()
        progress("instances, workers et serveur S3 arrêtés")
        shutil.rmtree(stack.tmp, ignore_errors=True)


if __name__ == "__main__":
    run()
