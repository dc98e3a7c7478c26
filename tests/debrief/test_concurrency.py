"""40 guests vote within the same second on one node, against a live server: every vote counted once.

Each guest is a real HTTP client (requests.Session, its own thread): it joins through the join form with a
pseudonym, then a barrier releases every vote together; five of them also send their vote twice at once
(a double tap). Like tests/quizzes/test_concurrency.py, the server runs a bounded pool of request threads;
on SQLite the in-memory test database hands every request thread the same connection, so requests are served
one at a time there while the 40 clients still fire at once. On PostgreSQL 20 requests run together.
"""

import threading

import pytest
import requests
from django.db import connection
from django.urls import reverse

from debrief import live
from debrief.models import Participant, Vote
from tests.factories import make_live_session
from tests.quizzes.test_concurrency import bounded

pytestmark = pytest.mark.django_db(transaction=True)

GUESTS = 40
DOUBLE_TAPPERS = 5
CSRF_SECRET = "d" * 32


def test_forty_guests_vote_in_the_same_second(live_server):
    session = make_live_session()
    live.open_vote(session)
    join_url = f"{live_server.url}{reverse('debrief:enter', args=[session.code])}"
    vote_url = f"{live_server.url}{reverse('debrief:vote', args=[session.code])}"
    choices = ["bon1", "mauvais1"]

    workers = 1 if connection.vendor == "sqlite" else 20
    original = bounded(live_server.thread.httpd, workers)
    barrier = threading.Barrier(GUESTS + DOUBLE_TAPPERS)
    statuses, failures = [], []

    def guest(index, submissions):
        try:
            with requests.Session() as http:
                http.cookies.set("csrftoken", CSRF_SECRET)
                joined = http.post(
                    join_url,
                    data={"pseudonym": f"Invité {index}", "csrfmiddlewaretoken": CSRF_SECRET},
                    allow_redirects=False,
                    timeout=300,
                    headers={"Connection": "close"},
                )
                assert joined.status_code == 302, joined.status_code
                # The server closes each connection after its answer (Connection: close) without always saying
                # so: a pooled connection could be reused just as it closes. Votes go on fresh connections.
                http.close()
                payload = {"node": "d1", "choice": choices[index % 2], "csrfmiddlewaretoken": CSRF_SECRET}

                def send():
                    barrier.wait(timeout=300)
                    response = http.post(
                        vote_url, data=payload, allow_redirects=False, timeout=300, headers={"Connection": "close"}
                    )
                    statuses.append(response.status_code)

                extra = [threading.Thread(target=send) for _ in range(submissions - 1)]
                for thread in extra:
                    thread.start()
                send()
                for thread in extra:
                    thread.join()
        except Exception as error:  # reported below
            failures.append(repr(error))
            barrier.abort()

    threads = [threading.Thread(target=guest, args=(i, 2 if i < DOUBLE_TAPPERS else 1)) for i in range(GUESTS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    finally:
        live_server.thread.httpd.process_request_thread = original

    assert not failures, failures[:5]
    assert len(statuses) == GUESTS + DOUBLE_TAPPERS and set(statuses) == {302}
    assert Participant.objects.filter(session=session).count() == GUESTS
    step = live.current_step(session)
    assert Vote.objects.filter(step=step).count() == GUESTS, "a double tap never counts twice"
    assert live.tally(step) == {"bon1": GUESTS // 2, "mauvais1": GUESTS // 2}
    assert set(Vote.objects.values_list("participant", flat=True)) == set(
        Participant.objects.filter(session=session).values_list("pk", flat=True)
    )
