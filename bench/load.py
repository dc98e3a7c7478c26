"""`make load`: a bounded load test against gunicorn on 127.0.0.1, then an integrity check of the database.

200 simulated learners (asyncio + httpx, one connection each, as many browsers would) spend two minutes
reading lessons, answering quizzes, playing case decisions and autosaving journal drafts, with a short
pause between actions. Meanwhile a trainer runs live sessions on bench cases and 40 guests join them,
follow the presenter's pace by polling and vote (bench/load_live.py). Every write the server acknowledged
is noted on the client side; afterwards the database must hold exactly those records: no attempt,
decision, draft or vote lost, none counted twice. The run stops by itself (time limit on the scenario and
on the whole process) and only ever talks to 127.0.0.1.
"""

import asyncio
import json
import os
import random
import re
import statistics
import sys
import time

from . import stack
from .clients import Browser, Ledger
from .load_live import Room, Trainer, Voter

LEARNERS = int(os.environ.get("LOAD_LEARNERS", "200"))
VOTERS = int(os.environ.get("LOAD_VOTERS", "40"))
DURATION = float(os.environ.get("LOAD_SECONDS", "120"))
THINK = (1.0, 3.0)  # seconds between two actions of one learner
RADIO = re.compile(r'name="(q\d+)"[^>]*value="(\d+)"')
CHOICE = re.compile(r'name="choice"[^>]*value="([a-z0-9_-]+)"|value="([a-z0-9_-]+)"[^>]*name="choice"')
HIDDEN = re.compile(r'name="(step|node)" value="([^"]*)"')


class Learner(Browser):
    def __init__(self, base, email, session_key, targets, ledger, rng):
        super().__init__(base, ledger, rng, session_key)
        self.email, self.t = email, targets
        self.case_attempt = None
        self.entry = None
        self.version = 0  # the server's version of the draft, sent back with the next autosave
        self.typed = 0

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
        self.typed += 1
        text = f"<p>Brouillon de {self.email}, frappe {self.typed}.</p>"
        path = f"/journal/{self.entry}/brouillon/" if self.entry else "/journal/brouillon/"
        data = {"title": "Notes de charge", "body_html": text, "revision": str(self.version)}
        response = await self.request("journal (brouillon)", "POST", path, data, headers={"X-Requested-With": "fetch"})
        if response is None:
            return
        payload = response.json()
        if self.entry is None:
            self.entry = payload["entry"]
            self.ledger.entries_created += 1
        self.version = payload["version"]
        self.ledger.drafts[self.entry] = (self.version, text)

    async def run(self, deadline):
        actions = [self.read_lesson] * 4 + [self.answer_quiz, self.play_case, self.play_case, self.autosave]
        try:
            await self.read_lesson()  # sets the CSRF cookie, as a first page view would
            while time.monotonic() < deadline:
                await self.rng.choice(actions)()
                await asyncio.sleep(self.rng.uniform(*THINK))
        finally:
            await self.aclose()


async def scenario(base, targets, sessions, ledger):
    rng = random.Random(2025)
    emails = targets["learners"][1 : LEARNERS + 1]
    learners = [Learner(base, email, sessions[email], targets, ledger, random.Random(rng.random())) for email in emails]
    deadline = time.monotonic() + DURATION
    tasks = []
    if VOTERS:
        room = Room()
        trainer = Trainer(base, sessions[targets["trainer"]], targets["case_ids"], ledger, random.Random(1), room)
        tasks.append(asyncio.create_task(trainer.run(deadline)))
        for number in range(1, VOTERS + 1):
            voter = Voter(base, number, ledger, random.Random(rng.random()), room)
            tasks.append(asyncio.create_task(voter.run(deadline)))
    for learner in learners:  # ramp up over ten seconds
        tasks.append(asyncio.create_task(learner.run(deadline)))
        await asyncio.sleep(10 / max(1, len(learners)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=DURATION + 90)


def check_database(env, ledger, started_at, trainer):
    """Compare the database with the ledger (through a management command, in the bench environment)."""
    payload = {
        "since": started_at,
        "learners": LEARNERS,
        "quiz_attempts": sorted(ledger.quiz_attempts),
        "decisions": sorted(ledger.decisions),
        "drafts": {str(k): v for k, v in ledger.drafts.items()},
        "entries_created": ledger.entries_created,
        "uncertain": ledger.uncertain,
        "trainer": trainer,
        "votes": sorted([*key, choice] for key, choice in ledger.votes.items()),
        "vote_uncertain": sorted(ledger.vote_uncertain),
    }
    path = stack.VAR / "load-ledger.json"
    path.write_text(json.dumps(payload))
    return json.loads(stack.manage(env, "bench_check_load", str(path), capture=True).strip().splitlines()[-1])


def percentile95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0


def report(ledger, elapsed, integrity):
    lines = ["| action | requêtes | p50 (ms) | p95 (ms) |", "|---|---:|---:|---:|"]
    every, live_latencies = [], []
    for kind, values in sorted(ledger.latencies.items()):
        every += values
        live_latencies += values if kind.startswith("séance") else []
        lines.append(f"| {kind} | {len(values)} | {statistics.median(values):.0f} | {percentile95(values):.0f} |")
    p95 = percentile95(every)
    errors = sum(ledger.errors.values())
    print("\n".join(lines))
    print()
    print(f"Débit : {ledger.requests / elapsed:.1f} requêtes/s sur {elapsed:.0f} s ({ledger.requests} requêtes)")
    print(
        f"p95 toutes actions : {p95:.0f} ms (séance en direct seule : {percentile95(live_latencies):.0f} ms) ; "
        f"erreurs : {errors}"
    )
    for kind, count in sorted(ledger.errors.items()):
        print(f"  - {kind} : {count}")
    if VOTERS:
        live = ledger.live
        print()
        print(
            f"Séance en direct : {live['sessions']} séances lancées, {live['endings']} menées jusqu'à une fin, "
            f"{live['votes_opened']} votes ouverts ({live['majority_followed']} majorités suivies, "
            f"{live['trainer_choice']} branches choisies faute de majorité), {live['joins']} participations d'invité·es"
        )
        print(
            f"Votes : {live['votes_sent']} envoyés, {live['votes_first'] + live['votes_changed']} acceptés dont "
            f"{live['votes_changed']} changements ; {live['votes_refused_closed']} refusés car le vote venait "
            "d'être clos (normal : ni erreur, ni attendus en base)"
        )
    print()
    print("Intégrité (base comparée à ce que les clients ont envoyé) :")
    for label, value in integrity["checks"].items():
        print(f"  [{'ok ' if value['ok'] else 'ÉCHEC'}] {label} : {value['detail']}")
    return errors, p95, percentile95(live_latencies)


def run():
    env = stack.production_env(workers=2)
    targets = stack.prepare(env)
    emails = [*targets["learners"][1 : LEARNERS + 1], targets["trainer"]]
    sessions = json.loads(stack.manage(env, "bench_sessions", *emails, capture=True).strip().splitlines()[-1])
    ledger = Ledger()
    started_at = time.time()
    with stack.Gunicorn(env, workers=2, threads=8) as server:
        print(
            f"{LEARNERS} apprenant·es et {VOTERS} votant·es en séance simulé·es pendant {DURATION:.0f} s "
            f"sur {server.base}...",
            flush=True,
        )
        began = time.monotonic()
        asyncio.run(scenario(server.base, targets, sessions, ledger))
        elapsed = time.monotonic() - began
    integrity = check_database(env, ledger, started_at, targets["trainer"])
    errors, p95, p95_live = report(ledger, elapsed, integrity)
    report_path = stack.ROOT / "bench" / "results" / "load-latest.json"
    report_path.write_text(
        json.dumps(
            {
                "learners": LEARNERS,
                "voters": VOTERS,
                "seconds": round(elapsed),
                "requests": ledger.requests,
                "throughput_per_s": round(ledger.requests / elapsed, 1),
                "p95_ms": round(p95),
                "p95_live_session_ms": round(p95_live),
                "errors": dict(ledger.errors),
                "live_session": dict(ledger.live),
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
