"""The live-session part of `make load`: one trainer runs collective debriefs while guests vote on their phones.

The trainer drives the presenter screen over HTTP as its buttons do: open the vote without a timer, wait,
close it, show the split, follow the majority (a branch of the trainer's choosing on a tie) and so on to an
ending; then end the session and start another one (a new case or a replay) until the time is up.

Participants join as guests with a pseudonym rather than with accounts: that is how most people in a room
join, and the longer path (the join form, an anonymous session, the guest token looked up at every request);
the 200 learners already cover signed-in traffic. They poll the state endpoint every 2 seconds like live.js,
read the node key and the choices from its HTML, and vote when the form is on screen, sometimes changing
their mind. A vote refused because the trainer closed the vote meanwhile is normal: counted apart, not an
error, and not expected in the database.
"""

import asyncio
import re
import time

from .clients import Browser

POLL = 2.0  # live.js polls every 2 seconds
JOINING = 4.0  # the code is on screen; people scan it before the first vote opens
READING = (1.0, 3.0)  # reading the situation before the trainer opens the vote
# The vote stays open at least VOTE_MIN seconds, then until QUORUM of the room has voted (the presenter's
# counter), VOTE_MAX at most: paced by people as a trainer would, whatever the server's speed.
VOTE_MIN, VOTE_MAX, QUORUM = 5.0, 20.0, 0.9
DISCUSSION = (1.0, 2.0)  # talking over the split before moving on
CHOOSING = (0.5, 4.0)  # a participant reads the choices before voting
PRESENTER = re.compile(r"/seance/([A-Z0-9]+)/animer/")
NODE = re.compile(r'name="node" value="([^"]+)"')
CHOICES = re.compile(r'name="choice"[^>]*value="([^"]+)"')


class Room:
    """The screen in the room: the code of the session being run, which participants type or scan."""

    def __init__(self):
        self.code = None


class Trainer(Browser):
    def __init__(self, base, session_key, case_ids, ledger, rng, room):
        super().__init__(base, ledger, rng, session_key)
        self.case_ids, self.room = case_ids, room
        self.launched = 0

    async def pause(self, bounds, code, deadline, quorum=None):
        """Wait like the presenter screen does (its counters poll every 2 s); False once time is up.
        With a quorum, stop waiting once that share of the participants has voted (after bounds[0])."""
        started = time.monotonic()
        end = min(started + self.rng.uniform(*bounds), deadline)
        while (left := end - time.monotonic()) > 0:
            await asyncio.sleep(min(POLL, left))
            if time.monotonic() >= end:
                break
            counts = await self.request("séance (compteurs animation)", "GET", f"/seance/{code}/animer/etat/")
            if quorum and counts is not None and time.monotonic() - started >= bounds[0]:
                counts = counts.json()
                if counts["voters"] >= quorum * counts["participants"]:
                    break
        return time.monotonic() < deadline

    async def follow_redirect(self, kind, response):
        """The page a browser shows after a form post (the presenter screen, or the summary after the end)."""
        if response is None:
            return None
        page = await self.request(kind, "GET", response.headers["location"])
        return page.text if page is not None else None

    async def act(self, code, action, **data):
        response = await self.request(
            "séance (animation)", "POST", f"/seance/{code}/animer/", {"action": action, **data}, expect=(302,)
        )
        return await self.follow_redirect("séance (écran animation)", response)

    async def launch(self, previous):
        """A new session on the next bench case, or every other time a replay of the previous one."""
        if previous and self.launched % 2:
            response = await self.request("séance (lancement)", "POST", f"/seance/{previous}/rejouer/", expect=(302,))
        else:
            case = self.case_ids[self.launched % len(self.case_ids)]
            response = await self.request("séance (lancement)", "POST", f"/seance/cas/{case}/lancer/", expect=(302,))
        self.launched += 1
        found = PRESENTER.search(response.headers.get("location", "")) if response is not None else None
        if found is None:
            return None, None
        self.ledger.live["sessions"] += 1
        return found.group(1), await self.follow_redirect("séance (écran animation)", response)

    async def drive(self, code, page, deadline):
        """Node after node, as the presenter's buttons allow, until an ending (True) or the time limit."""
        while page is not None:
            if 'value="open"' in page:
                if not await self.pause(READING, code, deadline):
                    return False
                page = await self.act(code, "open", seconds="0")
                self.ledger.live["votes_opened"] += 1
            elif 'value="close"' in page:
                if not await self.pause((VOTE_MIN, VOTE_MAX), code, deadline, quorum=QUORUM):
                    return False
                page = await self.act(code, "close")
            elif 'value="split"' in page:
                page = await self.act(code, "split")
            elif 'value="majority"' in page:
                if not await self.pause(DISCUSSION, code, deadline):
                    return False
                page = await self.act(code, "majority")
                self.ledger.live["majority_followed"] += 1
            elif 'value="follow"' in page:  # a tie, or nobody voted: the trainer picks the branch
                if not await self.pause(DISCUSSION, code, deadline):
                    return False
                page = await self.act(code, "follow", choice=self.rng.choice(CHOICES.findall(page)))
                self.ledger.live["trainer_choice"] += 1
            else:
                self.ledger.live["endings"] += 1
                await self.pause(DISCUSSION, code, deadline)
                return True
        return False

    async def run(self, deadline):
        try:
            # The list of a case's sessions, where a trainer launches from (and gets the CSRF cookie).
            await self.request("séance (séances du cas)", "GET", f"/seance/cas/{self.case_ids[0]}/")
            previous = None
            while time.monotonic() < deadline:
                code, page = await self.launch(previous)
                if code is None:
                    await asyncio.sleep(POLL)
                    continue
                self.room.code = code
                if await self.pause((JOINING, JOINING), code, deadline):
                    await self.drive(code, page, deadline)
                # An ending reached or the time up: the session is ended either way, its summary shown.
                await self.act(code, "end")
                previous = code
        finally:
            await self.aclose()


class Voter(Browser):
    def __init__(self, base, number, ledger, rng, room):
        super().__init__(base, ledger, rng)
        self.room = room
        self.pseudonym = f"Votant-{number:02d}"  # unique: the ledger tells participants apart by it
        self.leaning = [rng.uniform(0.2, 1.0) for _i in range(8)]  # each person leans towards some choices

    async def join(self, code):
        """The identity page (and its CSRF cookie), the guest form, then the participant screen."""
        page = await self.request("séance (rejoindre)", "GET", f"/seance/{code}/", expect=(200, 400))
        if page is None or page.status_code == 400:  # ended before we got there: nothing to join
            return False
        done = await self.request(
            "séance (rejoindre)", "POST", f"/seance/{code}/rejoindre/", {"pseudonym": self.pseudonym}, expect=(302,)
        )
        if done is None:
            return False
        self.ledger.live["joins"] += 1
        return await self.request("séance (écran participant)", "GET", f"/seance/{code}/") is not None

    async def vote(self, code, node, choice, mine):
        key = (code, node, self.pseudonym)
        comment = "On en a parlé à l'équipe." if self.rng.random() < 0.3 else ""
        self.ledger.live["votes_sent"] += 1
        response = await self.request(
            "séance (vote)",
            "POST",
            f"/seance/{code}/voter/",
            {"node": node, "choice": choice, "comment": comment},
            expect=(302, 400),
        )
        if response is None:  # no answer or a server error: stored or not, nobody can tell
            self.ledger.vote_uncertain.add(key)
        elif response.status_code == 302:
            self.ledger.live["votes_changed" if key in self.ledger.votes else "votes_first"] += 1
            self.ledger.votes[key] = mine[node] = choice
            await self.request("séance (écran participant)", "GET", response.headers["location"])
        elif 'id="erreur-vote"' in response.text and f'name="node" value="{node}"' not in response.text:
            # Refused, and the page no longer offers that vote: it closed between our poll and our click.
            self.ledger.live["votes_refused_closed"] += 1
        else:
            self.ledger.errors["séance (vote) : refusé alors que le vote est ouvert"] += 1

    async def follow(self, code, deadline):
        """Poll the state like live.js; vote when the form is there, sometimes change the vote."""
        mine = {}  # node key → choice acknowledged
        while time.monotonic() < deadline:
            await asyncio.sleep(self.rng.uniform(0.9, 1.1) * POLL)
            response = await self.request(
                "séance (état)", "GET", f"/seance/{code}/etat/", headers={"Accept": "application/json"}
            )
            if response is None:
                continue
            data = response.json()
            if data["ended"] or self.room.code != code:
                return
            node = NODE.search(data["html"])
            choices = CHOICES.findall(data["html"])
            if node is None or not choices:
                continue
            node = node.group(1)
            if node not in mine:
                if self.rng.random() < 0.8:  # most vote as soon as the form shows, others read on
                    await asyncio.sleep(self.rng.uniform(*CHOOSING))
                    weights = [self.leaning[i % len(self.leaning)] for i in range(len(choices))]
                    choice = self.rng.choices(choices, weights=weights)[0]
                    await self.vote(code, node, choice, mine)
            elif len(choices) > 1 and self.rng.random() < 0.1:  # a change of mind after hearing the others
                await self.vote(code, node, self.rng.choice([c for c in choices if c != mine[node]]), mine)

    async def run(self, deadline):
        joined = None
        try:
            while time.monotonic() < deadline:
                code = self.room.code
                if code is None or code == joined:
                    await asyncio.sleep(0.5)
                    continue
                joined = code
                await asyncio.sleep(self.rng.uniform(0, 3))  # finding the phone, scanning the code
                if time.monotonic() < deadline and await self.join(code):
                    await self.follow(code, deadline)
        finally:
            await self.aclose()
