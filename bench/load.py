"""`make load`: a bounded load test against gunicorn on 127.0.0.1, then an integrity check of the database.

200 simulated learners (asyncio + httpx, one connection pool each, as many browsers would) spend two minutes
reading lessons, answering quizzes, playing case decisions and autosaving journal drafts, with a short
pause between actions. Every write the server acknowledged is noted on the client side; afterwards the
database must hold exactly those records: no attempt, decision or draft lost, none counted twice.
The run stops by itself (time limit on the scenario and on the whole process) and only ever talks to
127.0.0.1. Participants voting in a live session are added when the `debrief` app is installed.
"""

import asyncio
import json
import os
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

import httpx

from . import stack

LEARNERS = int(os.environ.get("LOAD_LEARNERS", "200"))
DURATION = float(os.environ.get("LOAD_SECONDS", "120"))
THINK = (1.0, 3.0)  # seconds between two actions of one learner
RADIO = re.compile(r'name="(q\d+)"[^>]*value="(\d+)"')
CHOICE = re.compile(r'name="choice"[^>]*value="([a-z0-9_-]+)"|value="([a-z0-9_-]+)"[^>]*name="choice"')
HIDDEN = re.compile(r'name="(step|node)" value="([^"]*)"')


@dataclass
class Ledger:
    """What the clients sent and the server acknowledged, to compare with the database afterwards."""

    quiz_attempts: set = field(default_factory=set)  # attempt ids acknowledged as submitted
    decisions: set = field(default_factory=set)  # (attempt id, step, node key, choice key)
    drafts: dict = field(default_factory=dict)  # entry id → (revision, text) of the last acknowledged autosave
    entries_created: int = 0
    uncertain: int = 0  # writes whose answer never came (timeout): may or may not be stored
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    errors: dict = field(default_factory=lambda: defaultdict(int))
    requests: int = 0


class Learner:
    def __init__(self, base, email, session_key, targets, ledger, rng):
        self.base, self.email, self.ledger, self.rng, self.t = base, email, ledger, rng, targets
        secure = base.replace("http://", "https://")
        self.client = httpx.AsyncClient(
            base_url=base,
            timeout=30,
            follow_redirects=False,
            headers={"X-Forwarded-Proto": "https", "Origin": secure, "Referer": secure + "/"},
            limits=httpx.Limits(max_connections=1),
        )
        self.cookies = {"sessionid": session_key}
        self.case_attempt = None
        self.entry = None
        self.revision = 0

    async def request(self, kind, method, path, data=None, expect=(200,), headers=None):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        extra = {"Cookie": cookie, **(headers or {})}
        if method == "POST":
            extra["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            data = {**(data or {}), "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        started = time.perf_counter()
        self.ledger.requests += 1
        try:
            response = await self.client.request(method, path, data=data, headers=extra)
        except httpx.HTTPError as error:
            self.ledger.errors[f"{kind}: {type(error).__name__}"] += 1
            if method == "POST":
                self.ledger.uncertain += 1
            return None
        self.ledger.latencies[kind].append((time.perf_counter() - started) * 1000)
        for name, value in response.cookies.items():
            self.cookies[name] = value
        if response.status_code not in expect:
            self.ledger.errors[f"{kind}: HTTP {response.status_code}"] += 1
            return None
        return response

    async def read_lesson(self):
        await self.request("leçon", "GET", self.rng.choice(self.t["lesson_urls"]))

    async def answer_quiz(self):
        quiz = self.rng.choice(self.t["quiz_ids"])
        start = await self.request("quiz (début)", "POST", f"/evaluations/{quiz}/commencer/", expect=(302,))
        if start is None:
            return
        path = start.headers["location"]
        form = await self.request("quiz (formulaire)", "GET", path)
        if form is None:
            return
        answers = dict(RADIO.findall(form.text)[::-1])  # one option per question
        done = await self.request("quiz (envoi)", "POST", path, {**answers, "action": "submit"}, expect=(302,))
        if done is not None and "/resultats/" in done.headers.get("location", ""):
            self.ledger.quiz_attempts.add(int(path.rstrip("/").split("/")[-1]))

    async def play_case(self):
        if self.case_attempt is None:
            case = self.rng.choice(self.t["case_ids"])
            start = await self.request("cas (début)", "POST", f"/cas-pratiques/{case}/commencer/", expect=(302,))
            if start is None:
                return
            self.case_attempt = start.headers["location"]
        page = await self.request("cas (étape)", "GET", self.case_attempt, expect=(200, 302))
        if page is None:
            return
        if page.status_code == 302:  # finished: the debrief; the next turn starts another case
            self.case_attempt = None
            return
        if 'value="continue"' in page.text:
            await self.request("cas (suite)", "POST", self.case_attempt, {"action": "continue"}, expect=(302,))
            return
        hidden = dict(HIDDEN.findall(page.text))
        choices = [a or b for a, b in CHOICE.findall(page.text)]
        if not choices or "step" not in hidden:
            self.ledger.errors["cas : formulaire illisible"] += 1
            self.case_attempt = None
            return
        choice = self.rng.choice(choices)
        data = {
            "action": "decide",
            "step": hidden["step"],
            "node": hidden["node"],
            "choice": choice,
            "justification": "Je veux d'abord entendre ce que le groupe en pense.",
        }
        done = await self.request("cas (décision)", "POST", self.case_attempt, data, expect=(302,))
        if done is not None:
            attempt_id = int(self.case_attempt.rstrip("/").split("/")[-1])
            self.ledger.decisions.add((attempt_id, int(hidden["step"]), hidden["node"], choice))

    async def autosave(self):
        self.revision += 1
        text = f"<p>Brouillon de {self.email}, version {self.revision}.</p>"
        path = f"/journal/{self.entry}/brouillon/" if self.entry else "/journal/brouillon/"
        data = {"title": "Notes de charge", "body_html": text, "revision": str(self.revision)}
        response = await self.request("journal (brouillon)", "POST", path, data, headers={"X-Requested-With": "fetch"})
        if response is None:
            return
        payload = response.json()
        if self.entry is None:
            self.entry = payload["entry"]
            self.ledger.entries_created += 1
        self.ledger.drafts[self.entry] = (payload["revision"], text)

    async def run(self, deadline):
        actions = [self.read_lesson] * 4 + [self.answer_quiz, self.play_case, self.play_case, self.autosave]
        try:
            await self.read_lesson()  # sets the CSRF cookie, as a first page view would
            while time.monotonic() < deadline:
                await self.rng.choice(actions)()
                await asyncio.sleep(self.rng.uniform(*THINK))
        finally:
            await self.client.aclose()


async def scenario(base, targets, sessions, ledger):
    rng = random.Random(2025)
    emails = targets["learners"][1 : LEARNERS + 1]
    learners = [Learner(base, email, sessions[email], targets, ledger, random.Random(rng.random())) for email in emails]
    deadline = time.monotonic() + DURATION
    tasks = []
    for learner in learners:  # ramp up over ten seconds
        tasks.append(asyncio.create_task(learner.run(deadline)))
        await asyncio.sleep(10 / len(learners))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=DURATION + 90)


def check_database(env, ledger, started_at):
    """Compare the database with the ledger (through a management command, in the bench environment)."""
    payload = {
        "since": started_at,
        "learners": LEARNERS,
        "quiz_attempts": sorted(ledger.quiz_attempts),
        "decisions": sorted(ledger.decisions),
        "drafts": {str(k): v for k, v in ledger.drafts.items()},
        "entries_created": ledger.entries_created,
        "uncertain": ledger.uncertain,
    }
    path = stack.VAR / "load-ledger.json"
    path.write_text(json.dumps(payload))
    return json.loads(stack.manage(env, "bench_check_load", str(path), capture=True).strip().splitlines()[-1])


def report(ledger, elapsed, integrity):
    lines = ["| action | requêtes | p50 (ms) | p95 (ms) |", "|---|---:|---:|---:|"]
    every = []
    for kind, values in sorted(ledger.latencies.items()):
        every += values
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        lines.append(f"| {kind} | {len(values)} | {statistics.median(values):.0f} | {p95:.0f} |")
    ordered = sorted(every)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0
    errors = sum(ledger.errors.values())
    print("\n".join(lines))
    print()
    print(f"Débit : {ledger.requests / elapsed:.1f} requêtes/s sur {elapsed:.0f} s ({ledger.requests} requêtes)")
    print(f"p95 toutes actions : {p95:.0f} ms ; erreurs : {errors}")
    for kind, count in sorted(ledger.errors.items()):
        print(f"  - {kind} : {count}")
    print()
    print("Intégrité (base comparée à ce que les clients ont envoyé) :")
    for label, value in integrity["checks"].items():
        print(f"  [{'ok ' if value['ok'] else 'ÉCHEC'}] {label} : {value['detail']}")
    return errors, p95


def run():
    env = stack.production_env(workers=2)
    targets = stack.prepare(env)
    if "debrief" in stack.manage(
        env, "shell", "-c", "from django.conf import settings; print(settings.INSTALLED_APPS)", capture=True
    ):
        print("L'application debrief est installée, mais le scénario de vote n'est pas encore écrit : il est omis.")
    else:
        print("Note : l'application debrief (sessions en direct) n'existe pas encore : les 40 votants sont omis.")
    emails = targets["learners"][1 : LEARNERS + 1]
    sessions = json.loads(stack.manage(env, "bench_sessions", *emails, capture=True).strip().splitlines()[-1])
    ledger = Ledger()
    started_at = time.time()
    with stack.Gunicorn(env, workers=2, threads=8) as server:
        print(f"{LEARNERS} apprenant·es simulé·es pendant {DURATION:.0f} s sur {server.base}...", flush=True)
        began = time.monotonic()
        asyncio.run(scenario(server.base, targets, sessions, ledger))
        elapsed = time.monotonic() - began
    integrity = check_database(env, ledger, started_at)
    errors, p95 = report(ledger, elapsed, integrity)
    report_path = stack.ROOT / "bench" / "results" / "load-latest.json"
    report_path.write_text(
        json.dumps(
            {
                "learners": LEARNERS,
                "seconds": round(elapsed),
                "requests": ledger.requests,
                "throughput_per_s": round(ledger.requests / elapsed, 1),
                "p95_ms": round(p95),
                "errors": dict(ledger.errors),
                "integrity": integrity,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    ok = integrity["ok"]
    print()
    print("Aucune réponse perdue ni comptée deux fois." if ok else "ÉCHEC : la base ne correspond pas aux envois.")
    return ok


if __name__ == "__main__":
    sys.exit(0 if run() else 1)
