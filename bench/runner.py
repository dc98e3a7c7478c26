"""`make bench`: key pages measured through real HTTP to gunicorn with production-like settings.

Every figure is reported next to a bare Wagtail page measured in the same run, because absolute timings
on a shared 2-core machine are noise; the targets are ratios (and a few absolute bounds).
"""

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from scripts.httpclient import Browser

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


@dataclass
class Target:
    ratio: float | None = None  # p95 / bare page p95
    p95_ms: float | None = None
    max_queries: int | None = None
    max_seconds: float | None = None
    max_memory_mb: float | None = None


@dataclass
class PageSpec:
    name: str
    path: str
    user: str | None  # e-mail of the user to log in as, or None
    target: Target = field(default_factory=Target)
    method: str = "GET"
    data: dict | None = None
    runs: int = 40


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "gunicorn.conf.py",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "2",
        "collectif.wsgi",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure(browser, base, spec):
    """p50/p95 of the server time (Server-Timing) and the queries per request, after a warm-up."""
    timings, queries, statuses = [], [], set()
    for run in range(spec.runs + 3):
        data = spec.data(browser) if callable(spec.data) else spec.data
        response = browser.request(spec.method, base, spec.path, data=data)
        statuses.add(response.status_code)
        if run < 3:
            continue
        timing = response.headers.get("Server-Timing", "app;dur=0").split("dur=")[-1]
        timings.append(float(timing))
        queries.append(int(response.headers.get("X-DB-Queries", "0")))
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": max(queries),
        "statuses": sorted(statuses),
    }


def verdict(result, target, bare_p95):
    checks = []
    if target.ratio is not None:
        ratio = result["p95_ms"] / bare_p95 if bare_p95 else 0
        result["ratio"] = round(ratio, 2)
        checks.append(("ratio", ratio <= target.ratio, f"≤ {target.ratio}×"))
    if target.p95_ms is not None:
        checks.append(("p95", result["p95_ms"] <= target.p95_ms, f"≤ {target.p95_ms} ms"))
    if target.max_queries is not None:
        checks.append(("queries", result["queries"] <= target.max_queries, f"≤ {target.max_queries} requêtes"))
    if target.max_seconds is not None:
        checks.append(("seconds", result.get("seconds", 0) <= target.max_seconds, f"≤ {target.max_seconds} s"))
    if target.max_memory_mb is not None:
        checks.append(("memory", result.get("memory_mb", 0) <= target.max_memory_mb, f"≤ {target.max_memory_mb} Mo"))
    bad_status = any(status >= 400 for status in result["statuses"])
    result["target"] = ", ".join(text for _name, _ok, text in checks) or "—"
    result["passed"] = all(ok for _name, ok, _text in checks) and not bad_status
    return result


def markdown_table(rows):
    lines = [
        "| page | p50 (ms) | p95 (ms) | × page nue (p95) | requêtes | cible | résultat |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} | {row['p50_ms']} | {row['p95_ms']} | {row.get('ratio', '—')} | {row['queries']} | "
            f"{row['target']} | {'OK' if row['passed'] else 'ÉCHEC'} |"
        )
    return "\n".join(lines)


def run(specs_factory, env):
    port = free_port()
    server = start_gunicorn(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if Browser().request("GET", base, "/sante/").status_code == 200:
                    break
            except Exception:  # noqa: BLE001 - still booting
                time.sleep(0.5)
        specs, extra = specs_factory()
        browsers = {}
        rows = {}
        bare = None
        for spec in specs:
            if spec.user and spec.user not in browsers:
                browsers[spec.user] = Browser().login(base, spec.user, os.environ["BENCH_PASSWORD"])
            browser = browsers.get(spec.user) or Browser()
            result = measure(browser, base, spec)
            if bare is None:
                bare = result["p95_ms"]
            rows[spec.name] = verdict(result, spec.target, bare)
            print(f"  {spec.name}: p95 {result['p95_ms']} ms, {result['queries']} requêtes", flush=True)
        for name, measure_extra in extra:
            rows[name] = measure_extra(base, browsers)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    table = markdown_table(rows)
    (RESULTS / "latest.md").write_text(table + "\n")
    print(table)
    return all(row["passed"] for row in rows.values())
