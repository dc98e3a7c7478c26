"""100 learners submit the same quiz at the same moment against a live server.

Each learner has their own logged-in session (requests.Session) and their own thread; attempts are opened
beforehand and a barrier releases every final POST together. Ten of them also send their submission twice
at once (a double click): there must still be exactly 100 attempts, each with the score its answers
deserve, and one progress result each.

The server side mirrors production, where a fixed pool of workers serves requests: at most
SERVER_WORKERS requests run their view at the same time, the others wait in line. On PostgreSQL that pool
keeps us under the server's max_connections (100, shared with the other test databases). On SQLite the
test database lives in memory and Django's live server hands every request thread the *same* connection
object, so two requests running at once would share one transaction; requests are therefore served one at
a time there. The 100 client threads still fire at once on both databases.
"""

import threading
from itertools import product

import pytest
import requests
from django.db import connection
from django.test import Client
from django.urls import reverse

from progress.models import ActivityResult, ProgressEvent
from quizzes.models import Answer, Attempt
from quizzes.taking import start_attempt
from tests.factories import make_question, make_quiz, make_quiz_page, make_user

pytestmark = pytest.mark.django_db(transaction=True)

LEARNERS = 100
DOUBLE_SUBMITTERS = 10
# Each client holds a CSRF cookie and sends the same value in the form, as a browser does after a page load.
CSRF_SECRET = "k" * 32


def bounded(httpd, workers):
    """Let at most `workers` request threads run the application at once (a worker pool)."""
    original = httpd.process_request_thread
    gate = threading.BoundedSemaphore(workers)

    def process_request_thread(request, client_address):
        with gate:
            original(request, client_address)

    httpd.process_request_thread = process_request_thread
    httpd.socket.listen(256)  # room in the accept queue for every learner knocking at once
    return original


def test_hundred_learners_submit_at_the_same_moment(live_server):
    single = make_question("single", [("Le CSTS", True), ("L'ODAS", False), ("L'ANAS", False)])
    true_false = make_question("true_false", [], true_false_answer=False)
    short = make_question("short_answer", [], accepted_answers="non-recours")
    quiz = make_quiz([single, true_false, short], pass_mark=60)
    make_quiz_page(quiz)
    right_choice = single.choices.get(is_correct=True).pk
    wrong_choice = single.choices.filter(is_correct=False).first().pk

    patterns = list(product([True, False], repeat=3))
    learners = []
    for index in range(LEARNERS):
        user = make_user(email=f"simultane{index}@exemple.test")
        client = Client()
        client.force_login(user)
        pattern = patterns[index % len(patterns)]
        answers = {
            "action": "submit",
            f"q{single.pk}": str(right_choice if pattern[0] else wrong_choice),
            f"q{true_false.pk}": "false" if pattern[1] else "true",
            f"q{short.pk}": " NON-RECOURS " if pattern[2] else "recours",
        }
        attempt = start_attempt(quiz, user)
        url = f"{live_server.url}{reverse('quizzes:attempt', args=[attempt.pk])}"
        learners.append((user, client.cookies["sessionid"].value, url, answers, sum(pattern) / 3))

    workers = 1 if connection.vendor == "sqlite" else 20
    original = bounded(live_server.thread.httpd, workers)
    barrier = threading.Barrier(LEARNERS + DOUBLE_SUBMITTERS)
    statuses, failures = [], []

    def learner_thread(session_id, attempt_url, answers, submissions):
        try:
            with requests.Session() as http:
                http.cookies.set("sessionid", session_id)
                http.cookies.set("csrftoken", CSRF_SECRET)
                payload = {**answers, "csrfmiddlewaretoken": CSRF_SECRET}
                results = []

                def send():
                    barrier.wait(timeout=300)
                    response = http.post(
                        attempt_url,
                        data=payload,
                        timeout=300,
                        allow_redirects=False,
                        # One request per connection: an idle keep-alive connection would hold a worker.
                        headers={"Connection": "close"},
                    )
                    results.append(response.status_code)

                extra = [threading.Thread(target=send) for _ in range(submissions - 1)]
                for thread in extra:
                    thread.start()
                send()
                for thread in extra:
                    thread.join()
                statuses.extend(results)
        except Exception as error:  # reported below
            failures.append(repr(error))
            barrier.abort()

    threads = [
        threading.Thread(target=learner_thread, args=(session_id, url, answers, 2 if i < DOUBLE_SUBMITTERS else 1))
        for i, (_user, session_id, url, answers, _expected) in enumerate(learners)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    finally:
        live_server.thread.httpd.process_request_thread = original

    assert not failures, failures[:5]
    assert len(statuses) == LEARNERS + DOUBLE_SUBMITTERS
    assert set(statuses) == {302}, "every submission answers with a redirect to the results"
    assert Attempt.objects.filter(quiz=quiz).count() == LEARNERS
    assert Attempt.objects.filter(quiz=quiz, submitted_at__isnull=False).count() == LEARNERS
    assert Answer.objects.filter(attempt__quiz=quiz).count() == LEARNERS * 3
    scores = dict(Attempt.objects.filter(quiz=quiz).values_list("user_id", "score"))
    for user, _session, _url, _answers, expected in learners:
        assert scores[user.pk] == pytest.approx(expected), user.email
        result = ActivityResult.objects.get(user=user, activity_key=quiz.activity_key)
        assert result.attempts == 1 and result.score == pytest.approx(expected)
        assert result.status == ("completed" if expected >= 0.6 else "failed")
    finished = ProgressEvent.objects.filter(activity_key=quiz.activity_key).exclude(status="started")
    assert finished.count() == LEARNERS, "a double click never counts twice"
