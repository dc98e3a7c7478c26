"""`make bench`: key pages measured through real HTTP to gunicorn with production settings.

Every figure is reported next to a bare Wagtail page measured in the same run, because absolute timings
on a shared 2-core machine are noise; the targets are ratios (and a few absolute bounds). Pages are
measured in interleaved rounds (bare page, home, catalogue..., then again), so a burst of load from
another process slows every page alike instead of one page.

Run with `make bench` (or `python -m bench.runner`); results in bench/results/latest.json and latest.md.
"""

import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from scripts.httpclient import Browser

from . import stack

RESULTS = Path(__file__).resolve().parent / "results"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))
WARM_UP = 5


@dataclass
class Target:
    ratio: float | None = None  # p95 / bare page p95
    p95_ms: float | None = None
    max_queries: int | None = None
    max_seconds: float | None = None
    max_memory_mb: float | None = None
    same_queries_as: str | None = None  # name of a page whose query count must be equal


@dataclass
class PageSpec:
    name: str
    user: str | None  # e-mail of the account used, or None for anonymous
    path: str = ""
    target: Target = field(default_factory=Target)
    method: str = "GET"
    # Called before each measured request (not measured): returns (path, data) for this request.
    prepare: object = None
    every: int = 1  # measured on one round out of `every` (for slow pages such as the export)
    expect: tuple = (200,)
    samples: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    statuses: set = field(default_factory=set)


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def request(browser, base, spec):
    path, data = spec.prepare(browser, base) if spec.prepare else (spec.path, None)
    response = browser.request(spec.method, base, path, data=data)
    timing = response.headers.get("Server-Timing", "")
    if "dur=" not in timing:
        raise SystemExit(f"{spec.name} : pas d'en-tête Server-Timing (COLLECTIF_TIMING_HEADERS absent ?)")
    return response, float(timing.split("dur=")[-1]), int(response.headers.get("X-DB-Queries", "0"))


def measure(specs, browsers, base, rounds=ROUNDS):
    """Interleaved rounds: each page once per round (after a few warm-up rounds that fill the caches)."""
    for round_number in range(-WARM_UP, rounds):
        for spec in specs:
            if round_number >= 0 and round_number % spec.every:
                continue
            if round_number < 0 and spec.every > 1 and round_number < -1:
                continue
            response, duration, queries = request(browsers[spec.user], base, spec)
            spec.statuses.add(response.status_code)
            if round_number >= 0:
                spec.samples.append(duration)
                spec.queries.append(queries)
        if round_number >= 0 and round_number % 10 == 9:
            print(f"  tour {round_number + 1}/{rounds}", flush=True)


def result_of(spec, bare_p95):
    row = {
        "p50_ms": round(statistics.median(spec.samples), 1),
        "p95_ms": round(percentile(spec.samples, 0.95), 1),
        "queries": max(spec.queries),
        "runs": len(spec.samples),
        "statuses": sorted(spec.statuses),
    }
    row["ratio"] = round(row["p95_ms"] / bare_p95, 2) if bare_p95 else None
    return row


def verdict(row, target, rows):
    checks = []
    if target.ratio is not None:
        checks.append((row["ratio"] <= target.ratio, f"≤ {target.ratio}× page nue"))
    if target.p95_ms is not None:
        checks.append((row["p95_ms"] <= target.p95_ms, f"p95 ≤ {target.p95_ms:g} ms"))
    if target.max_queries is not None:
        checks.append((row["queries"] <= target.max_queries, f"≤ {target.max_queries} requêtes"))
    if target.same_queries_as is not None:
        other = rows[target.same_queries_as]["queries"]
        checks.append((row["queries"] == other, f"requêtes = {target.same_queries_as} ({other})"))
    if target.max_seconds is not None:
        checks.append((row["seconds"] <= target.max_seconds, f"< {target.max_seconds:g} s"))
    if target.max_memory_mb is not None:
        checks.append((row["memory_mb"] <= target.max_memory_mb, f"< {target.max_memory_mb:g} Mo"))
    row["target"] = ", ".join(text for _ok, text in checks) or "mesure seule (pas de cible)"
    row["passed"] = all(ok for ok, _text in checks)
    return row


def markdown_table(rows):
    lines = [
        "| page | p50 (ms) | p95 (ms) | × page nue (p95) | requêtes SQL | cible | résultat |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for name, row in rows.items():
        ratio = "—" if row.get("ratio") is None else f"{row['ratio']:.2f}"
        extra = ""
        if "seconds" in row:
            extra = f" ({row['seconds']} s, {row['memory_mb']} Mo en pointe)"
        lines.append(
            f"| {name}{extra} | {row['p50_ms']} | {row['p95_ms']} | {ratio} | {row['queries']} | "
            f"{row['target']} | {'OK' if row['passed'] else 'ÉCHEC'} |"
        )
    return "\n".join(lines)


# --- The pages measured.

RADIO = re.compile(r'name="(q\d+)"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="(q\d+)"')


def quiz_submission(quiz_id):
    """Start a fresh attempt and read its form (not measured); the measured request is the submission."""

    def prepare(browser, base):
        start = browser.request(
            "POST", base, f"/evaluations/{quiz_id}/commencer/", data={"csrfmiddlewaretoken": browser.csrf()}
        )
        path = start.headers["Location"]
        form = browser.request("GET", base, path).text
        answers = {}
        for name, value, value2, name2 in RADIO.findall(form):
            answers.setdefault(name or name2, value or value2)
        return path, {**answers, "csrfmiddlewaretoken": browser.csrf(), "action": "submit"}

    return prepare


def case_node_path(browser, base, case_id):
    """An attempt in progress on a case; its play page is the "case node" measured."""
    response = browser.request(
        "POST", base, f"/cas-pratiques/{case_id}/commencer/", data={"csrfmiddlewaretoken": browser.csrf()}
    )
    if response.status_code != 302:
        raise SystemExit(f"Impossible de commencer le cas {case_id} : {response.status_code}")
    return response.headers["Location"]


def export_memory(env, team_id, manager):
    """Time and peak memory of the XLSX export of a team, run alone in a fresh process."""
    output = stack.manage(env, "bench_export", str(team_id), manager, capture=True)
    return json.loads(output.strip().splitlines()[-1])


def after_a_quiz(quiz_id):
    """Submit a quiz as the learner first (not measured): the next "Mon espace" is a first visit after an
    activity, whose sections that show progress and quizzes cannot come from the cache."""
    submission = quiz_submission(quiz_id)

    def prepare(browser, base):
        path, data = submission(browser, base)
        browser.request("POST", base, path, data=data)
        return "/mon-espace/", None

    return prepare


def build_specs(t, browsers, base):
    # The reading pages are measured for the bench learner; the pages that write (a case step records when it
    # was shown, a quiz submission records a result) for another learner, so that the first learner's
    # "Mon espace" is measured as people mostly see it. Its first visit after a change has a row of its own.
    learner, actor, manager, trainer = t["learner"], t["learners"][1], t["manager"], t["trainer"]
    case_id = t["case_ids"][-1]
    return [
        PageSpec("page nue (référence)", learner, t["bare"]),
        PageSpec("accueil", learner, t["home"]),
        PageSpec("catalogue", learner, t["catalogue"], Target(ratio=2)),
        PageSpec("module", learner, t["course"], Target(ratio=1.5)),
        PageSpec("leçon", learner, t["lesson"], Target(ratio=1.5)),
        PageSpec("étape d'un cas", actor, case_node_path(browsers[actor], base, case_id), Target(ratio=2)),
        PageSpec(
            "quiz : envoi des réponses",
            actor,
            method="POST",
            prepare=quiz_submission(t["quiz_ids"][0]),
            target=Target(ratio=2),
            expect=(302,),
        ),
        PageSpec("Mon espace", learner, "/mon-espace/", Target(ratio=2)),
        PageSpec("Mon espace (juste après l'envoi d'un quiz)", learner, prepare=after_a_quiz(t["quiz_ids"][1])),
        PageSpec(
            "tableau d'équipe (1 000 × 30)",
            manager,
            f"/equipes/{t['big_team']}/",
            Target(p95_ms=300, max_queries=20),
        ),
        PageSpec(
            "tableau d'équipe (100 × 30)",
            manager,
            f"/equipes/{t['small_team']}/",
            Target(max_queries=20, same_queries_as="tableau d'équipe (1 000 × 30)"),
        ),
        PageSpec(
            "rapport d'un cas (formatrice, 100 000 décisions)",
            trainer,
            f"/cas-pratiques/{case_id}/rapport/",
            Target(ratio=3),
            every=3,
        ),
        PageSpec(
            "export XLSX (1 000 × 30)",
            manager,
            f"/equipes/{t['big_team']}/export.xlsx",
            Target(max_seconds=5, max_memory_mb=200),
            every=10,
        ),
    ]


def run():
    env = stack.production_env(workers=2)
    t = stack.prepare(env)
    print("Mémoire de l'export XLSX (processus séparé)...", flush=True)
    memory = export_memory(env, t["big_team"], t["manager"])
    with stack.Gunicorn(env, workers=2, threads=1) as server:
        base = server.base
        browsers = {None: Browser()}
        for email in (t["learner"], t["learners"][1], t["manager"], t["trainer"]):
            totp_secret = t["staff_totp_secret"] if email in (t["manager"], t["trainer"]) else None
            browsers[email] = Browser().login(base, email, t["password"], totp_secret=totp_secret)
        specs = build_specs(t, browsers, base)
        print(f"Mesure de {len(specs)} pages, {ROUNDS} tours entrelacés...", flush=True)
        started = time.monotonic()
        measure(specs, browsers, base)
        print(f"  mesures terminées en {time.monotonic() - started:.0f} s", flush=True)
    bare = specs[0]
    bare_p95 = percentile(bare.samples, 0.95)
    rows = {}
    for spec in specs:
        row = result_of(spec, bare_p95)
        if spec is bare:
            row["ratio"] = 1.0
        if spec.target.max_seconds is not None:
            row["seconds"] = round(row["p95_ms"] / 1000, 2)
            row["memory_mb"] = memory["peak_mb"]
            row["memory_detail"] = memory
        bad = [status for status in spec.statuses if status not in spec.expect]
        rows[spec.name] = verdict(row, spec.target, rows)
        if bad:
            rows[spec.name]["passed"] = False
            rows[spec.name]["target"] += f" (statut inattendu : {bad})"
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "database": "PostgreSQL",
        "settings": "collectif.settings.production (DEBUG off, gabarits en cache, cache Redis)",
        "rounds": ROUNDS,
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "pages": rows,
    }
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    table = markdown_table(rows)
    header = (
        f"Mesures du {report['measured_at']} sur PostgreSQL, réglages de production, {ROUNDS} tours entrelacés ; "
        "temps serveur (en-tête Server-Timing) ; ratio = p95 de la page / p95 de la page nue.\n\n"
    )
    (RESULTS / "latest.md").write_text(header + table + "\n")
    print()
    print(table)
    failed = [name for name, row in rows.items() if not row["passed"]]
    print()
    print("Toutes les cibles sont atteintes." if not failed else f"Cibles manquées : {', '.join(failed)}")
    return not failed


if __name__ == "__main__":
    sys.exit(0 if run() else 1)
