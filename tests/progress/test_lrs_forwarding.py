"""Forwarding statements to an external LRS: a real Ralph LRS (fs backend) started locally, and outages."""

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from core.taskqueue import backoff_delay
from statements.api import build_statement, store_statement
from statements.models import Statement
from statements.tasks import forward_pending, forward_statement

pytestmark = pytest.mark.django_db

LRS_USER = "collectif"
LRS_PASSWORD = "mot-de-passe-du-lrs"
HEADERS = {"X-Experience-API-Version": "1.0.3"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


ACCOUNTS = 5


@pytest.fixture(scope="module")
def ralph_server(tmp_path_factory):
    """Ralph 5.1 with its filesystem backend on a free local port, with a few HTTP basic accounts.

    Ralph's fs backend creates one file per account target and refuses to write into it twice, so each
    test uses an account (and target folder) of its own: see the `ralph` fixture.
    """
    workdir = tmp_path_factory.mktemp("ralph")
    ralph_bin = Path(sys.executable).parent / "ralph"
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(workdir),
        "RALPH_AUTH_FILE": str(workdir / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(workdir),
    }
    accounts = []
    for number in range(ACCOUNTS):
        username, target = f"{LRS_USER}-{number}", workdir / f"cible-{number}"
        target.mkdir()
        subprocess.run(  # noqa: S603 - fixed arguments, our own test account
            [str(ralph_bin), "auth", "-u", username, "-p", LRS_PASSWORD, "-s", "all", "-t", str(target), "-w"]
            + ["-A", username, "http://127.0.0.1:8000"],
            env=env,
            cwd=workdir,
            check=True,
            capture_output=True,
        )
        accounts.append(username)
    port = free_port()
    log = open(workdir / "ralph.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/xAPI/"
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(url + "statements", timeout=2)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise RuntimeError("Ralph did not start:\n" + (workdir / "ralph.log").read_text()) from None
            time.sleep(0.3)
    yield url, accounts
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture
def ralph(ralph_server, settings):
    """The LRS URL, with settings pointing at a fresh account of the running Ralph."""
    url, accounts = ralph_server
    settings.LRS_USERNAME = accounts.pop()
    return url


@pytest.fixture
def lrs_settings(settings):
    settings.LRS_USERNAME = LRS_USER
    settings.LRS_PASSWORD = LRS_PASSWORD
    settings.LRS_MAX_ATTEMPTS = 3
    settings.LRS_TIMEOUT = 5
    return settings


def statement_for(user, score=0.75):
    return build_statement(
        user, "answered", "http://127.0.0.1:8000/h5p/1/", "Vrai ou faux", result={"score": {"scaled": score}}
    )


def read_from_lrs(url, username, statement_id):
    """Read a statement back by id (one of the reads Ralph's fs backend supports)."""
    response = requests.get(
        url + "statements",
        params={"statementId": str(statement_id)},
        auth=(username, LRS_PASSWORD),
        headers=HEADERS,
        timeout=5,
    )
    response.raise_for_status()
    body = response.json()
    if "statements" in body:
        (body,) = [item for item in body["statements"] if item["id"] == str(statement_id)]
    return body


def test_statements_reach_a_real_lrs(lrs_settings, ralph, learner, django_capture_on_commit_callbacks):
    lrs_settings.LRS_ENDPOINT = ralph
    with django_capture_on_commit_callbacks(execute=True):
        statement = store_statement(learner, statement_for(learner))
    statement.refresh_from_db()
    assert statement.forwarded_at is not None
    assert statement.forward_attempts == 1
    received = read_from_lrs(ralph, lrs_settings.LRS_USERNAME, statement.statement_id)
    assert received["id"] == str(statement.statement_id)
    assert received["actor"]["account"] == {"homePage": "http://127.0.0.1:8000", "name": str(learner.pk)}
    assert received["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
    assert received["result"]["score"]["scaled"] == 0.75
    # Sending again (a retry after a lost answer) is harmless: the PUT is idempotent.
    Statement.objects.filter(pk=statement.pk).update(forwarded_at=None)
    assert forward_statement.call(statement.pk) == "forwarded"


def test_deleting_an_account_voids_its_statements_at_a_real_lrs(
    lrs_settings, ralph, learner, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from accounts.personal_data import delete_account

    # Ralph's fs backend takes one write per account: the original is marked sent, only the voiding one is sent.
    original = store_statement(learner, statement_for(learner))
    Statement.objects.filter(pk=original.pk).update(forwarded_at=timezone.now())
    lrs_settings.LRS_ENDPOINT = ralph
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(learner)
    voiding = Statement.objects.get(user__isnull=True)
    assert voiding.forwarded_at is not None, voiding.forward_error  # the LRS accepted it
    received = read_from_lrs(ralph, lrs_settings.LRS_USERNAME, voiding.statement_id)
    assert received["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert received["object"] == {"objectType": "StatementRef", "id": str(original.statement_id)}


def test_an_lrs_outage_never_blocks_learners_and_is_caught_up(
    lrs_settings, ralph, learner, django_capture_on_commit_callbacks
):
    lrs_settings.LRS_ENDPOINT = f"http://127.0.0.1:{free_port()}/xAPI/"  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        statement = store_statement(learner, statement_for(learner, 0.4))
    statement.refresh_from_db()
    assert statement.forwarded_at is None
    assert statement.forward_attempts == 3  # retried up to LRS_MAX_ATTEMPTS, then left for later
    assert "ConnectionError" in statement.forward_error

    lrs_settings.LRS_ENDPOINT = ralph  # the LRS is back: the backlog is sent
    assert forward_pending() == 1
    statement.refresh_from_db()
    assert statement.forwarded_at is not None and statement.forward_error == ""
    assert read_from_lrs(ralph, lrs_settings.LRS_USERNAME, statement.statement_id)["result"]["score"]["scaled"] == 0.4


def test_wrong_credentials_are_not_retried(lrs_settings, ralph, learner):
    lrs_settings.LRS_ENDPOINT = ralph
    lrs_settings.LRS_PASSWORD = "pas-le-bon"
    statement = store_statement(learner, statement_for(learner))
    assert forward_statement.call(statement.pk) == "failed"
    statement.refresh_from_db()
    assert statement.forward_attempts == 1
    assert statement.forward_error.startswith("HTTP 401") or statement.forward_error.startswith("HTTP 403")


class FlakyLRS(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first request, then records what it receives and answers 204."""

    received = []
    calls = 0

    def do_PUT(self):  # noqa: N802 - http.server's naming
        type(self).calls += 1
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if type(self).calls == 1:
            self.send_response(503)
            self.end_headers()
            return
        type(self).received.append(
            {
                "path": self.path,
                "version": self.headers["X-Experience-API-Version"],
                "auth": self.headers["Authorization"],
                "body": json.loads(body),
            }
        )
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_server_error_is_retried_then_succeeds(lrs_settings, learner):
    server = http.server.HTTPServer(("127.0.0.1", 0), FlakyLRS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        lrs_settings.LRS_ENDPOINT = f"http://127.0.0.1:{server.server_port}/xapi/statements"
        statement = store_statement(learner, statement_for(learner))
        assert forward_statement.call(statement.pk) == "retry"  # 503, retried at once by the immediate backend
    finally:
        server.shutdown()
    statement.refresh_from_db()
    assert statement.forwarded_at is not None and statement.forward_attempts == 2
    (received,) = FlakyLRS.received
    assert received["path"] == f"/xapi/statements?statementId={statement.statement_id}"
    assert received["version"] == "1.0.3"
    assert received["auth"].startswith("Basic ")
    assert received["body"]["id"] == str(statement.statement_id)


def test_retries_are_deferred_with_backoff_on_a_deferring_backend(lrs_settings, learner, monkeypatch):
    from django.utils import timezone

    lrs_settings.LRS_ENDPOINT = f"http://127.0.0.1:{free_port()}/xAPI/"
    scheduled = []

    class Backend:
        supports_defer = True

    class Deferred:
        def __init__(self, run_after):
            self.run_after = run_after

        def enqueue(self, *args, **kwargs):
            scheduled.append((self.run_after, args, kwargs))

    monkeypatch.setattr(type(forward_statement), "get_backend", lambda self: Backend())
    monkeypatch.setattr(type(forward_statement), "using", lambda self, run_after=None: Deferred(run_after))
    statement = store_statement(learner, statement_for(learner))
    before = timezone.now()
    assert forward_statement.func(statement.pk, 1) == "retry"
    ((run_after, args, kwargs),) = scheduled
    assert args == (statement.pk,) and kwargs == {"attempt": 2}
    assert 29 <= (run_after - before).total_seconds() <= 31
    assert [backoff_delay(n).total_seconds() for n in (1, 2, 3, 9)] == [30, 60, 120, 3600]


def test_nothing_is_sent_without_an_lrs(settings, learner, django_capture_on_commit_callbacks):
    settings.LRS_ENDPOINT = ""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        statement = store_statement(learner, statement_for(learner))
    assert callbacks == []
    assert forward_statement.call(statement.pk) == "disabled"
