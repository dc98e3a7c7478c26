"""`make faults`: learners keep working while Redis, PostgreSQL and the task worker fail; nothing acknowledged may
be lost, altered, doubled or stored under another learner, and the worker must come back by itself.

Everything runs on 127.0.0.1 and is thrown away at the end: this script starts its own PostgreSQL cluster and its
own Redis on spare ports (so it can stop them), gunicorn with the production settings, the two task workers of the
Procfile (`default` and `lrs`, restarted when they die, as `restart: unless-stopped` does) and a small LRS that
records what it receives. Simulated learners (bench/load.py) answer quizzes, decide in cases, autosave journal
drafts and send H5P statements, each noting what the server acknowledged. Meanwhile, on a fixed timeline:

    Redis stopped for 30 s, PostgreSQL stopped for 20 s, the `default` worker killed (SIGKILL).

Then the clients send what they still hold (as the H5P player's outbox does), the LRS must have received every
stored statement, and the database is compared with the clients' ledger (devtools bench_check_faults).
It fails when an acknowledged write is missing or altered, a text is stored under the wrong learner, anything is
doubled, or the killed worker is not back within 60 s. Takes about five minutes; not part of `make test`.
"""

import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import requests

from . import stack
from .clients import Ledger
from .load import Learner

LEARNERS = 11  # the tiny bench seed has 12; the first one is kept for manual checks, as in make load
THINK = (0.3, 1.2)  # seconds between two actions of one learner
REDIS_DOWN = (15, 30)  # (start, seconds) on the scenario's clock
POSTGRES_DOWN = (60, 20)
WORKER_KILL_AT = 95
CLIENTS_UNTIL = 125
FLUSH_SECONDS = 60  # to send what the clients still hold once the faults are over
FORWARD_SECONDS = 120  # for the LRS worker to forward every stored statement
WORKER_BACK_WITHIN = 60
PLAYER_FRAME = re.compile(r'data-h5p-frame="(\d+)" data-h5p-token="([^"]+)"')
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses to run as root


def progress(started, message):
    print(f"  [{time.monotonic() - started:5.0f} s] {message}", flush=True)


class Postgres:
    """A throwaway PostgreSQL cluster on a spare port, that can be stopped and started again."""

    def __init__(self, tmp):
        self.dir = tmp / "pg"
        self.port = stack.free_port()

    def run(self, *command):
        subprocess.run([*AS_POSTGRES, *command], check=True, capture_output=True, text=True, timeout=120)

    def init(self):
        self.dir.mkdir()
        if AS_POSTGRES:
            shutil.chown(self.dir, "postgres", "postgres")
        self.run("initdb", "-D", str(self.dir), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "collectif_faults_bench")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", str(self.dir), "-l", str(self.dir / "server.log"), "-o", options, "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.dir), "-m", "fast", "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/collectif_faults_bench"

    def query(self, sql):
        return subprocess.run(
            ["psql", self.url, "-tAc", sql], check=True, capture_output=True, text=True, timeout=30
        ).stdout.strip()


class Redis:
    def __init__(self, tmp):
        self.port = stack.free_port()
        self.log = tmp / "redis.log"
        self.process = None

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        time.sleep(0.5)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class FakeLRS(ThreadingHTTPServer):
    """Answers every PUT of a statement with 204 and remembers its id."""

    def __init__(self):
        self.received = set()
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(handler):  # noqa: N802, N805 - http.server's naming
                handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
                statement_id = parse_qs(urlparse(handler.path).query).get("statementId", [""])[0]
                with self.lock:
                    self.received.add(statement_id)
                handler.send_response(204)
                handler.end_headers()

            def log_message(handler, *args):  # noqa: N805
                pass

        super().__init__(("127.0.0.1", stack.free_port()), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.server_address[1]}/xapi"


class Workers:
    """The Procfile's two workers, each restarted a second after it dies (what the restart policy does)."""

    def __init__(self, env, tmp):
        self.env, self.tmp = env, tmp
        self.processes = {}
        self.stopping = False
        self.restarts = []  # (queue, pid of the new process, time.monotonic())

    def start(self, queue):
        log = open(self.tmp / f"worker-{queue}.log", "a")  # noqa: SIM115 - lives as long as the process
        command = [stack.PYTHON, "manage.py", "run_worker", "--queue-name", queue, "--interval", "0.2"]
        self.processes[queue] = subprocess.Popen(  # noqa: S603 (fixed arguments)
            command, cwd=stack.ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def supervise(self):
        for queue in ("default", "lrs"):
            self.start(queue)
        while not self.stopping:
            for queue, process in list(self.processes.items()):
                if process.poll() is not None and not self.stopping:
                    time.sleep(1)
                    self.start(queue)
                    self.restarts.append((queue, self.processes[queue].pid, time.monotonic()))
            time.sleep(0.3)

    def kill(self, queue):
        self.processes[queue].send_signal(signal.SIGKILL)

    def stop(self):
        self.stopping = True
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@dataclass
class FaultLedger(Ledger):
    statements: dict = field(default_factory=dict)  # statement id → e-mail of the learner, once acknowledged


class FaultLearner(Learner):
    """A learner of make load who also plays an H5P activity, keeping unsent statements as the player does."""

    def __init__(self, *args, h5p, **kwargs):
        super().__init__(*args, **kwargs)
        self.h5p = h5p
        self.token = None
        self.outbox = []

    def new_statement(self):
        return {
            "id": str(uuid.uuid4()),
            "actor": self.h5p["actors"][self.email],
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"fr": "a répondu"}},
            "object": {"id": self.h5p["iri"], "objectType": "Activity"},
            "result": {"score": {"scaled": 1.0, "raw": 1, "min": 0, "max": 1}, "success": True, "completion": True},
        }

    async def open_player(self):
        page = await self.request("H5P (leçon)", "GET", self.h5p["lesson_url"])
        frame = PLAYER_FRAME.search(page.text) if page is not None else None
        self.token = frame.group(2) if frame else None

    async def post_statement(self, statement):
        """True once the server holds it: 201, or 409 when an earlier answer was lost on the way back."""
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
            "X-H5P-Player-Token": self.token,
            "Content-Type": "application/json",
        }
        self.ledger.requests += 1
        try:
            response = await self.client.post(
                f"/h5p/{self.h5p['activity']}/declarations/", content=json.dumps(statement), headers=headers
            )
        except httpx.HTTPError as error:
            self.ledger.errors[f"H5P (déclaration) : {type(error).__name__}"] += 1
            return False
        if response.status_code in (201, 409):
            return True
        self.ledger.errors[f"H5P (déclaration) : HTTP {response.status_code}"] += 1
        if response.status_code == 403:
            self.token = None  # an expired player: open the lesson again
        return False

    async def flush(self):
        if self.outbox and self.token is None:
            await self.open_player()
        for statement in list(self.outbox):
            if self.token is None or not await self.post_statement(statement):
                return
            self.outbox.remove(statement)
            self.ledger.statements[statement["id"]] = self.email

    async def answer_h5p(self):
        self.outbox.append(self.new_statement())
        await self.flush()

    async def run(self, deadline):
        actions = [self.read_lesson, self.answer_quiz, self.play_case, self.play_case, self.autosave]
        actions += [self.answer_h5p, self.answer_h5p]
        await self.read_lesson()  # sets the CSRF cookie, as a first page view would
        while time.monotonic() < deadline:
            await self.rng.choice(actions)()
            await asyncio.sleep(self.rng.uniform(*THINK))

    async def flush_until(self, deadline):
        while self.outbox and time.monotonic() < deadline:
            await self.flush()
            if self.outbox:
                await asyncio.sleep(1)


async def clients(base, targets, sessions, h5p, ledger, faults):
    rng = random.Random(2026)
    emails = targets["learners"][1 : LEARNERS + 1]
    learners = [
        FaultLearner(base, email, sessions[email], targets, ledger, random.Random(rng.random()), h5p=h5p)
        for email in emails
    ]
    began = time.monotonic()
    try:
        work = [asyncio.create_task(learner.run(began + CLIENTS_UNTIL)) for learner in learners]
        await asyncio.gather(faults, *work)
        await asyncio.gather(*(learner.flush_until(time.monotonic() + FLUSH_SECONDS) for learner in learners))
    finally:
        for learner in learners:
            await learner.aclose()
    return sum(len(learner.outbox) for learner in learners)


class HealthWatch(threading.Thread):
    """/sante/ (detailed) every second: what operators would have seen during the faults."""

    def __init__(self, base, token):
        super().__init__(daemon=True)
        self.base, self.token = base, token
        self.seen = []  # (seconds, status)
        self.stopped = threading.Event()
        self.began = time.monotonic()

    def run(self):
        while not self.stopped.is_set():
            try:
                response = requests.get(self.base + "/sante/", headers={"X-Health-Token": self.token}, timeout=10)
                status = response.json().get("status", f"HTTP {response.status_code}")
            except (requests.RequestException, ValueError) as error:
                status = type(error).__name__
            self.seen.append((time.monotonic() - self.began, status))
            self.stopped.wait(1)

    def summary(self):
        counts = {}
        for _seconds, status in self.seen:
            counts[status] = counts.get(status, 0) + 1
        return counts


async def inject_faults(started, postgres, redis, workers, report):
    """The timeline: Redis down, PostgreSQL down, the default worker killed; then how long it took to come back."""
    clock = time.monotonic()

    async def at(second):
        await asyncio.sleep(max(0, clock + second - time.monotonic()))

    await at(REDIS_DOWN[0])
    redis.stop()
    progress(started, f"Redis arrêté pour {REDIS_DOWN[1]} s")
    await at(REDIS_DOWN[0] + REDIS_DOWN[1])
    redis.start()
    progress(started, "Redis relancé (vide)")
    await at(POSTGRES_DOWN[0])
    await asyncio.to_thread(postgres.stop)
    progress(started, f"PostgreSQL arrêté pour {POSTGRES_DOWN[1]} s")
    await at(POSTGRES_DOWN[0] + POSTGRES_DOWN[1])
    await asyncio.to_thread(postgres.start)
    progress(started, "PostgreSQL relancé")
    await at(WORKER_KILL_AT)
    killed = workers.processes["default"].pid
    workers.kill("default")
    killed_at = time.monotonic()
    progress(started, f"worker « default » tué (SIGKILL, pid {killed})")
    report["worker_back_seconds"] = await asyncio.to_thread(wait_for_worker, postgres, workers, killed, killed_at)


def wait_for_worker(postgres, workers, killed_pid, killed_at):
    """Seconds until a new `default` worker writes its heartbeat, or None after WORKER_BACK_WITHIN."""
    while time.monotonic() - killed_at < WORKER_BACK_WITHIN:
        pid = workers.processes["default"].pid
        if pid != killed_pid:
            beats = postgres.query(  # an integer pid from our own process table
                f"SELECT count(*) FROM core_workerheartbeat WHERE pid = {int(pid)} "  # noqa: S608
                "AND last_seen > now() - interval '15 seconds'"
            )
            if beats == "1":
                return round(time.monotonic() - killed_at, 1)
        time.sleep(0.5)
    return None


def wait_for_forwarding(postgres, lrs, since_epoch):
    """Seconds until every statement stored during the run is marked forwarded, or None."""
    began = time.monotonic()
    while time.monotonic() - began < FORWARD_SECONDS:
        waiting = postgres.query(  # a float from time.time()
            "SELECT count(*) FROM statements_statement "  # noqa: S608
            f"WHERE forwarded_at IS NULL AND stored_at >= to_timestamp({float(since_epoch)})"
        )
        if waiting == "0":
            return round(time.monotonic() - began, 1)
        time.sleep(1)
    return None


def environment(postgres, redis, lrs):
    env = stack.production_env(workers=2)
    env.update(
        {
            "DATABASE_URL": postgres.url,
            "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
            "CACHE_KEY_PREFIX": "faults",
            "LRS_ENDPOINT": lrs.endpoint,
            "LRS_TIMEOUT": "5",
            "HEALTH_CHECK_TOKEN": uuid.uuid4().hex,
            "TASK_WORKER_DEAD_AFTER_SECONDS": "10",
            "DATABASE_CONNECT_TIMEOUT": "3",
            "DATABASE_STATEMENT_TIMEOUT_MS": "15000",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    return env


def prepare(env, started):
    stack.manage(env, "migrate", "--noinput", "-v0")
    stack.manage(env, "collectstatic", "--noinput", "-v0")
    progress(started, "base migrée, fichiers statiques collectés")
    stack.manage(env, "bench_seed", "--tiny")
    targets = json.loads(stack.manage(env, "bench_seed", "--targets", capture=True).strip().splitlines()[-1])
    h5p = json.loads(stack.manage(env, "faults_fixtures", capture=True).strip().splitlines()[-1])
    emails = targets["learners"][1 : LEARNERS + 1]
    sessions = json.loads(stack.manage(env, "bench_sessions", *emails, capture=True).strip().splitlines()[-1])
    progress(started, f"{len(emails)} apprenant·es, une activité H5P, des quiz et des cas")
    return targets, h5p, sessions


def check_database(env, tmp, ledger, since, lrs, h5p_iri):
    payload = {
        "since": since,
        "learners": LEARNERS,
        "quiz_attempts": sorted(ledger.quiz_attempts),
        "decisions": sorted(ledger.decisions),
        "drafts": {str(k): v for k, v in ledger.drafts.items()},
        "entries_created": ledger.entries_created,
        "uncertain": ledger.uncertain,
        "votes": [],
        "vote_uncertain": [],
        "statements": ledger.statements,
        "h5p_iri": h5p_iri,
        "lrs_received": sorted(lrs.received),
    }
    path = tmp / "ledger.json"
    path.write_text(json.dumps(payload))
    return json.loads(stack.manage(env, "bench_check_faults", str(path), capture=True).strip().splitlines()[-1])


def print_report(ledger, report, health, integrity):
    print()
    print(f"Requêtes : {ledger.requests} ; refus et erreurs pendant les pannes (réessayés ensuite) :")
    for kind, count in sorted(ledger.errors.items()):
        print(f"  - {kind} : {count}")
    print(f"/sante/ pendant l'essai (une lecture par seconde) : {health}")
    back = report.get("worker_back_seconds")
    print(f"Worker tué : de retour en {back} s" if back is not None else "Worker tué : pas revenu à temps")
    forwarded = report.get("forwarded_seconds")
    print(
        f"Déclarations toutes transmises au LRS {forwarded} s après la fin des envois"
        if forwarded is not None
        else "Déclarations : certaines jamais transmises au LRS"
    )
    print(f"Envois restés sans réponse (peuvent être en base) : {ledger.uncertain}")
    print()
    print("Intégrité (base comparée à ce que les clients ont vu acquitté) :")
    for label, value in integrity["checks"].items():
        print(f"  [{'ok ' if value['ok'] else 'ÉCHEC'}] {label} : {value['detail']}")


def run():
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="collectif-faults-"))
    os.chmod(tmp, 0o755)  # noqa: S103 - the PostgreSQL cluster inside belongs to the postgres user
    print(f"make faults : journaux dans {tmp}", flush=True)
    postgres, redis, lrs = Postgres(tmp), Redis(tmp), FakeLRS()
    workers = None
    try:
        postgres.init()
        redis.start()
        env = environment(postgres, redis, lrs)
        targets, h5p, sessions = prepare(env, started)
        workers = Workers(env, tmp)
        threading.Thread(target=workers.supervise, daemon=True).start()
        ledger, report = FaultLedger(), {}
        since = time.time()
        with stack.Gunicorn(env, workers=2, threads=4) as server:
            watch = HealthWatch(server.base, env["HEALTH_CHECK_TOKEN"])
            watch.start()
            progress(started, f"{LEARNERS} apprenant·es au travail sur {server.base}")

            async def scenario():
                faults = asyncio.create_task(inject_faults(started, postgres, redis, workers, report))
                return await clients(server.base, targets, sessions, h5p, ledger, faults)

            unsent = asyncio.run(scenario())
            progress(started, f"clients arrêtés ; {unsent} déclaration(s) jamais acquittée(s)")
            report["forwarded_seconds"] = wait_for_forwarding(postgres, lrs, since)
            watch.stopped.set()
        integrity = check_database(env, tmp, ledger, since, lrs, h5p["iri"])
        print_report(ledger, report, watch.summary(), integrity)
        ok = integrity["ok"] and report.get("worker_back_seconds") is not None and unsent == 0
        ok = ok and report.get("forwarded_seconds") is not None
        print()
        print("Rien de perdu, rien de mêlé, worker revenu seul." if ok else "ÉCHEC : voir ci-dessus.")
        return ok
    finally:
        if workers:
            workers.stop()
        redis.stop()
        lrs.shutdown()
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            postgres.stop()
        shutil.rmtree(tmp / "pg", ignore_errors=True)


if __name__ == "__main__":
    sys.exit(0 if run() else 1)
