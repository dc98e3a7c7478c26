"""What every simulated client of `make load` shares: a browser-like HTTP client and the ledger of what the
server acknowledged, compared with the database once the run is over (bench_check_load)."""

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import httpx


@dataclass
class Ledger:
    """What the clients sent and the server acknowledged, to compare with the database afterwards."""

    quiz_attempts: set = field(default_factory=set)  # attempt ids acknowledged as submitted
    decisions: set = field(default_factory=set)  # (attempt id, step, node key, choice key)
    drafts: dict = field(default_factory=dict)  # entry id → (server version, text) of the last acknowledged autosave
    entries_created: int = 0
    # (session code, node key, pseudonym) → choice of the last vote the server acknowledged (302)
    votes: dict = field(default_factory=dict)
    # Keys of votes sent without a clear answer (timeout, server error): the stored choice may be any sent.
    vote_uncertain: set = field(default_factory=set)
    live: Counter = field(default_factory=Counter)  # live-session events for the report
    uncertain: int = 0  # writes whose answer never came (timeout): may or may not be stored
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    errors: dict = field(default_factory=lambda: defaultdict(int))
    requests: int = 0


class Browser:
    """One simulated browser: its own connection, its cookies, the CSRF token sent back as a form would."""

    def __init__(self, base, ledger, rng, session_key=None):
        self.base, self.ledger, self.rng = base, ledger, rng
        secure = base.replace("http://", "https://")
        self.client = httpx.AsyncClient(
            base_url=base,
            timeout=30,
            follow_redirects=False,
            headers={"X-Forwarded-Proto": "https", "Origin": secure, "Referer": secure + "/"},
            limits=httpx.Limits(max_connections=1),
        )
        self.cookies = {"sessionid": session_key} if session_key else {}

    async def request(self, kind, method, path, data=None, expect=(200,), headers=None):
        """The response, or None (counted as an error) when it failed or its status is not expected."""
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

    async def aclose(self):
        await self.client.aclose()
